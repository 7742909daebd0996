import FuzzSupport

#if canImport(Glibc)
    import Glibc
#endif

exit(FuzzDriver.run { data, size in fuzz(data, size) })
