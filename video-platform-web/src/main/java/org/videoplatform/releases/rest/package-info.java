/** The release API, the public landing API of share links, and the share redirect itself. */
package org.videoplatform.releases.rest;
