# Script half of fouille_embed_text: writes a .cpp holding SRC as hex bytes.
file(READ ${SRC} hex HEX)
string(LENGTH "${hex}" n)
math(EXPR size "${n} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" bytes "${bytes}")
file(WRITE ${OUT} "// Generated from ${SRC}; do not edit.\n#include <string_view>\nnamespace fouille::data {\nstatic const unsigned char ${SYMBOL}_bytes[] = {\n${bytes}0};\nextern const std::string_view ${SYMBOL}(reinterpret_cast<const char*>(${SYMBOL}_bytes), ${size});\n}\n")
