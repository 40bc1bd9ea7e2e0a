/** The audit trail as leads and admins read it over HTTP. */
package org.videoplatform.audit.rest;
