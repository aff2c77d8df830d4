package org.consentaudit.refapp;

import android.app.Activity;
import android.content.Intent;
import android.content.SharedPreferences;
import android.os.Bundle;
import android.webkit.WebSettings;
import android.webkit.WebView;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The reference app in a WebView. The page URL comes from the intent extra
 * org.consentaudit.refapp.URL (kept for later launches from the launcher), else the refapp server's
 * index on the device's loopback, http://127.0.0.1:8765/ (reach the host with `adb reverse`:
 * loopback is a secure context, so geolocation and the camera work as in a browser).
 */
public class MainActivity extends Activity {
    public static final String EXTRA_URL = "org.consentaudit.refapp.URL";
    static final String DEFAULT_URL = "http://127.0.0.1:8765/";
    private static final long NOTIFICATION_TIMEOUT_S = 300;

    private WebView web;
    private PermissionBroker broker;
    private String url = DEFAULT_URL;

    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        WebView.setWebContentsDebuggingEnabled(true);
        broker = new PermissionBroker(this);
        web = new WebView(this);
        web.setId(R.id.webview);
        WebSettings settings = web.getSettings();
        settings.setJavaScriptEnabled(true);
        settings.setDomStorageEnabled(true);
        settings.setGeolocationEnabled(true);
        settings.setMediaPlaybackRequiresUserGesture(false);
        settings.setAllowFileAccess(false);
        settings.setAllowContentAccess(false);
        web.addJavascriptInterface(new NotificationBridge(this), "Notification");
        web.setWebViewClient(new Navigation(this));
        web.setWebChromeClient(new Prompts(broker));
        setContentView(web);
        load(getIntent());
    }

    @Override
    protected void onNewIntent(Intent intent) {
        super.onNewIntent(intent);
        setIntent(intent);
        if (intent != null && intent.hasExtra(EXTRA_URL)) {
            load(intent);
        }
    }

    @Override
    public void onRequestPermissionsResult(int code, String[] permissions, int[] results) {
        broker.onResult(code, results);
    }

    @Override
    protected void onDestroy() {
        if (web != null) {
            web.destroy();
        }
        super.onDestroy();
    }

    String currentUrl() {
        return url;
    }

    /** The page closed itself: leave the app (the launcher comes to the front). */
    void exitApp() {
        finishAndRemoveTask();
    }

    /** Called by NotificationBridge on the WebView's bridge thread; blocks until the user answered. */
    String requestNotificationsBlocking() {
        final CountDownLatch done = new CountDownLatch(1);
        final boolean[] granted = new boolean[1];
        runOnUiThread(new Runnable() {
            @Override
            public void run() {
                broker.requestNotifications(new PermissionBroker.Answer() {
                    @Override
                    public void answered(boolean result) {
                        granted[0] = result;
                        done.countDown();
                    }
                });
            }
        });
        try {
            if (!done.await(NOTIFICATION_TIMEOUT_S, TimeUnit.SECONDS)) {
                return "default";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "default";
        }
        return granted[0] ? "granted" : "denied";
    }

    private void load(Intent intent) {
        SharedPreferences prefs = getSharedPreferences("refapp", MODE_PRIVATE);
        String given = intent == null ? null : intent.getStringExtra(EXTRA_URL);
        if (given != null && (given.startsWith("http://") || given.startsWith("https://"))) {
            prefs.edit().putString("url", given).apply();
            url = given;
        } else {
            url = prefs.getString("url", DEFAULT_URL);
        }
        web.loadUrl(url);
    }
}
