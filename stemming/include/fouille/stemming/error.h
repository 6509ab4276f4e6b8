// Forwarding header, kept while other branches still include the old path:
// the error tree lives in fouille/base/error.h. Remove once nothing includes it.
#pragma once

#include "fouille/base/error.h"
