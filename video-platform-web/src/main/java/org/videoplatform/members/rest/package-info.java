/** Members over HTTP: the roster so far. */
package org.videoplatform.members.rest;
