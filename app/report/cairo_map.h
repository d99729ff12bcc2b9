// Draws a VectorMap (the painter's shapes, its text as text) on a cairo context, in the
// context's current user space (the caller scales and places it on the page).
#pragma once
#include <cairo.h>

#include "report/cairo_fonts.h"
#include "report/vector_map.h"

namespace atelier::report {

void DrawVectorMap(cairo_t* cr, const VectorMap& map, const CairoFonts& fonts);

// One line of text at (x, baseline) with the anchor's meaning of x, in the current colour.
void ShowLine(cairo_t* cr, const char* utf8, double x, double baseline, render::TextAnchor anchor);

}  // namespace atelier::report
