"""What an app sends: planted honey data, tracker hosts, TCF consent strings, the capturing proxy."""
