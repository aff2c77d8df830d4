package org.consentaudit.refapp;

import android.app.Activity;
import android.app.NotificationManager;
import android.content.Context;
import android.content.pm.PackageManager;
import android.os.Build;
import android.util.Log;
import android.util.SparseArray;

import java.lang.reflect.Method;

/**
 * Turns the web page's permission calls into real Android runtime permission requests.
 *
 * Every request the page makes is logged as "permission-request NAME" under the tag ConsentAudit, so the
 * suite counts the app's requests (also those the system answers without a dialog) from logcat.
 */
final class PermissionBroker {
    static final String TAG = "ConsentAudit";
    static final String POST_NOTIFICATIONS = "android.permission.POST_NOTIFICATIONS";  // API 33
    static final String[] LOCATION = {
        "android.permission.ACCESS_FINE_LOCATION", "android.permission.ACCESS_COARSE_LOCATION"};
    static final String[] CAMERA = {"android.permission.CAMERA"};
    static final String[] MICROPHONE = {"android.permission.RECORD_AUDIO"};
    private static final int TIRAMISU = 33;

    /** What the user (or the system) decided. */
    interface Answer {
        void answered(boolean granted);
    }

    private final Activity activity;
    private final SparseArray<Answer> pending = new SparseArray<Answer>();
    private final SparseArray<String> names = new SparseArray<String>();
    private int nextCode = 1;

    PermissionBroker(Activity activity) {
        this.activity = activity;
    }

    /** Ask for one permission group (any one granted counts: approximate location is location). UI thread. */
    void request(String name, String[] permissions, Answer answer) {
        Log.i(TAG, "permission-request " + name);
        if (anyGranted(permissions)) {
            finish(name, answer, true);
            return;
        }
        int code = nextCode++;
        pending.put(code, answer);
        names.put(code, name);
        activity.requestPermissions(permissions, code);
    }

    /** Notifications: a runtime permission from Android 13; before, whether the user left them on. */
    void requestNotifications(Answer answer) {
        if (Build.VERSION.SDK_INT >= TIRAMISU) {
            request("notifications", new String[] {POST_NOTIFICATIONS}, answer);
            return;
        }
        Log.i(TAG, "permission-request notifications");
        finish("notifications", answer, notificationsEnabled());
    }

    /** From Activity.onRequestPermissionsResult; an empty result (a cancelled request) is a denial. */
    void onResult(int code, int[] results) {
        Answer answer = pending.get(code);
        String name = names.get(code);
        pending.remove(code);
        names.remove(code);
        if (answer == null) {
            return;
        }
        boolean granted = false;
        for (int result : results) {
            granted |= result == PackageManager.PERMISSION_GRANTED;
        }
        finish(name, answer, granted);
    }

    private void finish(String name, Answer answer, boolean granted) {
        Log.i(TAG, "permission-result " + name + " " + (granted ? "granted" : "denied"));
        answer.answered(granted);
    }

    private boolean anyGranted(String[] permissions) {
        for (String permission : permissions) {
            if (activity.checkSelfPermission(permission) == PackageManager.PERMISSION_GRANTED) {
                return true;
            }
        }
        return false;
    }

    /** NotificationManager.areNotificationsEnabled() exists from API 24; this APK compiles against 23. */
    private boolean notificationsEnabled() {
        Object manager = activity.getSystemService(Context.NOTIFICATION_SERVICE);
        if (!(manager instanceof NotificationManager)) {
            return false;
        }
        try {
            Method enabled = NotificationManager.class.getMethod("areNotificationsEnabled");
            return Boolean.TRUE.equals(enabled.invoke(manager));
        } catch (ReflectiveOperationException e) {
            return true;  // API 23 has no per-app switch the app can read: notifications are on
        }
    }
}
