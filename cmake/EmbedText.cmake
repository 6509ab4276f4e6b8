# fouille_embed_text(TARGET SYMBOL FILE): compiles FILE's bytes into TARGET as
#   extern const std::string_view SYMBOL;   (namespace fouille::data)
# so the data tables ship inside the binaries and need no install path.
function(fouille_embed_text target symbol file)
  set(src ${CMAKE_CURRENT_SOURCE_DIR}/${file})
  set(out ${CMAKE_CURRENT_BINARY_DIR}/embedded/${symbol}.cpp)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DSRC=${src} -DOUT=${out} -DSYMBOL=${symbol}
            -P ${PROJECT_SOURCE_DIR}/cmake/EmbedTextScript.cmake
    DEPENDS ${src} ${PROJECT_SOURCE_DIR}/cmake/EmbedTextScript.cmake
    COMMENT "Embedding ${file}")
  target_sources(${target} PRIVATE ${out})
endfunction()
