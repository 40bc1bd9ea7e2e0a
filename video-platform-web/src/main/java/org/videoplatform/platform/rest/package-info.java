/** The node's readiness over HTTP, for load balancers and the local run script. */
package org.videoplatform.platform.rest;
