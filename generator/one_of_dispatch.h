/* The discriminators of a oneOf: property paths, through nested records,
 * whose const or enum values tell the alternatives apart, chosen so that
 * decode reads no more of them than it needs.
 *
 * At a path, an alternative allows a set of strings (its const or enum),
 * plus absence when the property or a parent of it is optional, or when a
 * strict record on the way does not declare it; a path it does not
 * constrain allows anything. Two alternatives are told apart by a path where
 * neither allows anything, their sets have no string in common and not both
 * allow absence: no message can then be valid for both. */
#ifndef SCHEMAC_ONE_OF_DISPATCH_H
#define SCHEMAC_ONE_OF_DISPATCH_H

#include "model.h"

enum {
    DISPATCH_DEPTH_MAX = 8,       /* keys in a discriminator path */
    DISPATCH_ALTERNATIVES_MAX = 64 /* bits in a mask of alternatives */
};

/* Sets t->dispatch for the TYPE_ONE_OF t, whose alternatives are built: for
 * each pair of alternatives in turn, unless a path already chosen tells them
 * apart, the first path that does (shorter paths first, then in the order
 * the alternatives declare them); the chosen paths in that order. Returns
 * false when some pair has no such path, with *first < *second naming the
 * first such pair. */
bool dispatch_choose(arena *a, model_type *t, size_t *first, size_t *second);

#endif
