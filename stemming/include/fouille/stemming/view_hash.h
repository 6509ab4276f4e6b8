// Forwarding header, kept while other branches still include the old path:
// ViewHash lives in fouille/base/hash.h. Remove once nothing includes it.
#pragma once

#include "fouille/base/hash.h"
