// Cache prefetch hints for Swift, which has no intrinsic for them.
//
// The hash tables of a metrics run (recipients, event ids, per-recipient states) are far larger
// than the caches and probed at random. Their readers touch a group of events' slots before using
// them so that the cache misses overlap; a load for that purpose must complete before it retires,
// so only a few dozen fit in the processor's window at once, while a prefetch retires at once and
// leaves the miss to the memory system.
#ifndef AFTERMAIL_CPREFETCH_H
#define AFTERMAIL_CPREFETCH_H

/// Asks for the cache line holding `address` to be brought into every cache level. A hint: it
/// never faults, whatever the address.
static inline __attribute__((always_inline)) void aftermail_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
