/**
 * Releases and their reach: the release record of an approved video with a post per platform,
 * and tracked share links whose forwards form a tree, counted without keeping who clicked.
 */
package org.videoplatform.releases;
