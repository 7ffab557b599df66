# chokepoint_set_warnings(target): the project's warning set, attached per target so that
# third-party headers (included as SYSTEM) stay quiet.
function(chokepoint_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                           -Wold-style-cast -Wcast-align -Woverloaded-virtual)
  if(CHOKEPOINT_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
