/**
 * Review and approval of cuts: the production's review state machine, the decisions leads take,
 * frame-accurate comments with drawings, and the notifications that tell producers what happened.
 */
package org.videoplatform.review;
