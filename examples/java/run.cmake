# Compiles OverdueTasks.java and runs it on a fresh ledger (cmake -P).
file(MAKE_DIRECTORY ${WORK}/classes)
file(REMOVE ${WORK}/example.duban ${WORK}/example.duban-wal ${WORK}/example.duban-shm)
execute_process(
  COMMAND ${JAVAC} -encoding UTF-8 -Xlint:all -Werror -cp ${JNA} -d ${WORK}/classes ${SOURCE}
  RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "javac failed (${rc})")
endif()
execute_process(
  COMMAND ${JAVA} -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 -cp ${JNA}:${WORK}/classes OverdueTasks
    ${LIBRARY} ${PLAN} ${WORK}/example.duban 区合作交流办 2025-07-01
  RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "the Java example failed (${rc})")
endif()
