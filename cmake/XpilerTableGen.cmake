#===- XpilerTableGen.cmake - ODS generation for one dialect --------------===#
#
# xpiler_add_dialect(<dialect> <Name>) generates, into the current binary
# directory (include/xpiler/Dialect/<Name>/), the C++ declarations and
# definitions of the dialect whose ODS lives in dialects/<dialect>/:
# <Name>Ops.td is the root that includes the dialect, type, attribute and
# enum definitions. It also generates the dialect's Markdown documentation.
#
#===----------------------------------------------------------------------===#

function(xpiler_add_dialect dialect Name)
  set(td ${XPILER_SOURCE_DIR}/dialects/${dialect}/${Name}Ops.td)
  set(LLVM_TARGET_DEFINITIONS ${td})
  mlir_tablegen(${Name}Dialect.h.inc -gen-dialect-decls -dialect=${dialect})
  mlir_tablegen(${Name}Dialect.cpp.inc -gen-dialect-defs -dialect=${dialect})
  mlir_tablegen(${Name}Ops.h.inc -gen-op-decls)
  mlir_tablegen(${Name}Ops.cpp.inc -gen-op-defs)
  mlir_tablegen(${Name}Types.h.inc -gen-typedef-decls -typedefs-dialect=${dialect})
  mlir_tablegen(${Name}Types.cpp.inc -gen-typedef-defs -typedefs-dialect=${dialect})
  mlir_tablegen(${Name}Attributes.h.inc -gen-attrdef-decls -attrdefs-dialect=${dialect})
  mlir_tablegen(${Name}Attributes.cpp.inc -gen-attrdef-defs -attrdefs-dialect=${dialect})
  mlir_tablegen(${Name}Enums.h.inc -gen-enum-decls)
  mlir_tablegen(${Name}Enums.cpp.inc -gen-enum-defs)
  add_public_tablegen_target(Xpiler${Name}IncGen)

  # Documentation.
  tablegen(MLIR ${Name}.md -gen-dialect-doc -dialect=${dialect})
  add_custom_target(Xpiler${Name}DocGen
    COMMAND ${CMAKE_COMMAND} -E copy ${CMAKE_CURRENT_BINARY_DIR}/${Name}.md
            ${XPILER_SOURCE_DIR}/python-free-docs/Dialects/${Name}.md
    DEPENDS ${CMAKE_CURRENT_BINARY_DIR}/${Name}.md)
  add_dependencies(xpiler-doc Xpiler${Name}DocGen)
  add_custom_target(Xpiler${Name}DocFile ALL
    DEPENDS ${CMAKE_CURRENT_BINARY_DIR}/${Name}.md)
  set_property(GLOBAL APPEND PROPERTY XPILER_GENERATED_DOCS
    "${CMAKE_CURRENT_BINARY_DIR}/${Name}.md=Dialects/${Name}.md")
endfunction()

# xpiler_add_library(<name> <sources...> [DEPENDS <targets>] [LINK_LIBS <libs>])
# A static library of xpiler, exported in the installed CMake package as
# xpiler::<name>. MLIR and LLVM come from libMLIR.so / libLLVM.so.
function(xpiler_add_library name)
  cmake_parse_arguments(ARG "" "" "DEPENDS;LINK_LIBS" ${ARGN})
  add_library(${name} STATIC ${ARG_UNPARSED_ARGUMENTS})
  set_target_properties(${name} PROPERTIES POSITION_INDEPENDENT_CODE ON)
  if(ARG_DEPENDS)
    add_dependencies(${name} ${ARG_DEPENDS})
  endif()
  target_include_directories(${name} PUBLIC
    $<BUILD_INTERFACE:${XPILER_SOURCE_DIR}/include>
    $<BUILD_INTERFACE:${XPILER_BINARY_DIR}/include>
    $<INSTALL_INTERFACE:include>)
  target_include_directories(${name} SYSTEM PUBLIC ${MLIR_INCLUDE_DIRS}
    ${LLVM_INCLUDE_DIRS})
  target_link_libraries(${name} PUBLIC ${ARG_LINK_LIBS} MLIR LLVM)
  install(TARGETS ${name} EXPORT XpilerTargets
    ARCHIVE DESTINATION lib LIBRARY DESTINATION lib)
endfunction()
