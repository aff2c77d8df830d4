package org.consentaudit.refapp;

import android.webkit.GeolocationPermissions;
import android.webkit.PermissionRequest;
import android.webkit.WebChromeClient;

/** The page's geolocation and camera/microphone requests, each answered through a runtime permission. */
final class Prompts extends WebChromeClient {
    private final PermissionBroker broker;

    Prompts(PermissionBroker broker) {
        this.broker = broker;
    }

    @Override
    public void onGeolocationPermissionsShowPrompt(final String origin, final GeolocationPermissions.Callback callback) {
        broker.request("geolocation", PermissionBroker.LOCATION, new PermissionBroker.Answer() {
            @Override
            public void answered(boolean granted) {
                callback.invoke(origin, granted, false);  // never retained: the next call asks again
            }
        });
    }

    @Override
    public void onPermissionRequest(final PermissionRequest request) {
        boolean video = false;
        boolean audio = false;
        for (String resource : request.getResources()) {
            video |= PermissionRequest.RESOURCE_VIDEO_CAPTURE.equals(resource);
            audio |= PermissionRequest.RESOURCE_AUDIO_CAPTURE.equals(resource);
        }
        if (!video && !audio) {
            request.deny();
            return;
        }
        final boolean wantsAudio = audio;
        final PermissionBroker.Answer afterAudio = new PermissionBroker.Answer() {
            @Override
            public void answered(boolean granted) {
                if (granted) {
                    request.grant(request.getResources());
                } else {
                    request.deny();
                }
            }
        };
        if (!video) {
            broker.request("microphone", PermissionBroker.MICROPHONE, afterAudio);
            return;
        }
        broker.request("camera", PermissionBroker.CAMERA, new PermissionBroker.Answer() {
            @Override
            public void answered(boolean granted) {
                if (!granted) {
                    request.deny();
                } else if (wantsAudio) {
                    broker.request("microphone", PermissionBroker.MICROPHONE, afterAudio);
                } else {
                    request.grant(request.getResources());
                }
            }
        });
    }
}
