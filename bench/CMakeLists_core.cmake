add_executable(phold_bench phold_bench.cpp)
target_link_libraries(phold_bench PRIVATE cp::core benchmark::benchmark_main)
set_target_properties(phold_bench PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/bin)
chokepoint_set_warnings(phold_bench)
