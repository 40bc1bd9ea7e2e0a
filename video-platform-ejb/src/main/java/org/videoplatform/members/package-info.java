/**
 * Members and how they get in: the membership roster that admins import, workshops where leads
 * meet attendees, the check against the roster and the vetting decision that gives a member a
 * producer account. So far: the roster.
 */
package org.videoplatform.members;
