/**
 * Who is calling. Identity lives in Keycloak; the API trusts only bearer tokens issued by the
 * platform's realm for the backend's audience, and tells the browser who its user is and which
 * of the platform's roles they hold.
 */
package org.videoplatform.identity.rest;
