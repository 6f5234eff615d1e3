/**
 * The request header that carries the client's address, set by the web server from the TCP peer (and, behind
 * trusted proxies only, from X-Forwarded-For); anything a client sends under that name is overwritten there. A file
 * (and subpath export) of its own, so the web server can name it without loading the API.
 */
export const CLIENT_ADDRESS_HEADER = "x-chronicle-client-ip";
