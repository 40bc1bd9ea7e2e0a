/**
 * Every error the API or the container answers is an RFC 9457 {@code application/problem+json}
 * document with a message a person can act on; validation problems name the offending field.
 * Stack traces go to the log, never to the client.
 */
package org.videoplatform.problems;
