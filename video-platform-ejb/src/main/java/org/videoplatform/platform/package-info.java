/**
 * The platform's own moving parts rather than any business capability: the database schema,
 * migrated before anything touches it, and the readiness of the services every capability
 * depends on (database, object storage, FFmpeg).
 */
package org.videoplatform.platform;
