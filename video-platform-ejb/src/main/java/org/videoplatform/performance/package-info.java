/**
 * How released videos perform: each platform's figures per post and day, imported from the
 * platforms' own exports or sent by connectors, and the views across videos built on them.
 */
package org.videoplatform.performance;
