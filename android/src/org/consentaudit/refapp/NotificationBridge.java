package org.consentaudit.refapp;

import android.webkit.JavascriptInterface;

/**
 * Android WebView has no Web Notifications API. Injected as window.Notification, this object gives the
 * page Notification.requestPermission() backed by the Android notification permission. It runs on the
 * WebView's bridge thread and blocks the page until the user answered, as a modal prompt would.
 */
final class NotificationBridge {
    private final MainActivity activity;

    NotificationBridge(MainActivity activity) {
        this.activity = activity;
    }

    /** "granted", "denied", or "default" when nobody answered within the timeout. */
    @JavascriptInterface
    public String requestPermission() {
        return activity.requestNotificationsBlocking();
    }
}
