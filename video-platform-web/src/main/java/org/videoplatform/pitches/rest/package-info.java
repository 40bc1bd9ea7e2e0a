/** Pitches and productions over HTTP. */
package org.videoplatform.pitches.rest;
