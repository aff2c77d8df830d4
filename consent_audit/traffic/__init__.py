"""What an app sends over the network: planted honey data, tracker hosts, TCF consent strings and the proxy that captures it."""
