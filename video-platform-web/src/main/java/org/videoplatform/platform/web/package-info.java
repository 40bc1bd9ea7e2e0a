/** What every response of the platform carries, whatever serves it. */
package org.videoplatform.platform.web;
