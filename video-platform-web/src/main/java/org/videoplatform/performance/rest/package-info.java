/** The API for metrics imports and the performance views. */
package org.videoplatform.performance.rest;
