/** The review API: submissions, decisions, timecoded comments, queues and notifications. */
package org.videoplatform.review.rest;
