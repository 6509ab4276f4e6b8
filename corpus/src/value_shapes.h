// Private: the shapes of bare values the line classifier recognises without
// a label (text_lines.cpp). Each is a single pass over the bytes of the whole
// string; they took the place of regular expressions, which cost more than
// the rest of the classifier, and accept exactly the strings these did
// (value_shapes_test.cpp compares both on generated strings):
//
//   project id   [A-Z]{2,4}\.[0-9]{3,5}                        "AFD.1234"
//   PRIMA id     [A-Z]{2}[0-9]{2}[A-Z][0-9]{4}                 "FR19B0042"
//   year range   (19|20)[0-9]{2} *(-|–|—|à|to|au) *(19|20)[0-9]{2}
//   amount       (USD|US\$|\$|€|EUR)? *[0-9]{1,3}([ ,.]?[0-9]{3})+([.,][0-9]{1,2})?
//                 *(USD|\$|€|EUR|euros?|dollars)?             "1 250 000 €"
//
// Bytes, not characters: « – », « — », « à » and « € » are their UTF-8 bytes.
#pragma once

#include <string_view>

namespace fouille::corpus::layout {

bool project_id_shape(std::string_view s);
bool prima_id_shape(std::string_view s);
bool year_range_shape(std::string_view s);
bool amount_shape(std::string_view s);

}  // namespace fouille::corpus::layout
