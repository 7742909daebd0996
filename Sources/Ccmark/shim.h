#ifndef AFTERMAIL_CCMARK_SHIM_H
#define AFTERMAIL_CCMARK_SHIM_H
#include <cmark.h>
#endif
