package nl.zorgbeeld.auth.oidc;

import java.net.URI;

/** Where to send the browser to log in, and what to keep until it comes back. */
public record AuthorizationStart(URI authorizationUrl, PendingLogin pending) {}
