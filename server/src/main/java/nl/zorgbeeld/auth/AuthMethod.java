package nl.zorgbeeld.auth;

/** How a request proved who it is: a browser session cookie or an API token (Authorization: Bearer). */
public enum AuthMethod { SESSION, TOKEN }
