/**
 * The append-only trail of decisions: who did what to which record, when and why. Every
 * capability that decides something (vetting, pitches, reviews, releases) records here in the
 * same transaction as the decision, so a decision and its entry commit or vanish together.
 */
package org.videoplatform.audit;
