package org.consentaudit.refapp;

import android.graphics.Bitmap;
import android.net.Uri;
import android.webkit.WebView;
import android.webkit.WebViewClient;

/**
 * Keeps the WebView on the reference app's origin. A page that navigates to about:blank (the web app's
 * way to "close itself") closes the app, as a native app that exits.
 */
final class Navigation extends WebViewClient {
    private final MainActivity activity;

    Navigation(MainActivity activity) {
        this.activity = activity;
    }

    @Override
    public boolean shouldOverrideUrlLoading(WebView view, String url) {
        if (leaves(url)) {
            activity.exitApp();
            return true;
        }
        return !sameOrigin(url);
    }

    @Override
    public void onPageStarted(WebView view, String url, Bitmap favicon) {
        if (leaves(url)) {
            activity.exitApp();
        }
    }

    private static boolean leaves(String url) {
        return url != null && url.startsWith("about:blank");
    }

    private boolean sameOrigin(String url) {
        Uri target = Uri.parse(url);
        Uri home = Uri.parse(activity.currentUrl());
        return target.getScheme() != null && target.getScheme().equals(home.getScheme())
            && target.getHost() != null && target.getHost().equals(home.getHost())
            && target.getPort() == home.getPort();
    }
}
