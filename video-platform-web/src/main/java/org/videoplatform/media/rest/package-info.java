/** Uploads of cuts and what is made of them, over HTTP. */
package org.videoplatform.media.rest;
