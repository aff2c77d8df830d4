"""Page objects of the operating system's own screens, for any app's page objects to use (the Android
runtime-permission dialog in `android`)."""
