#pragma once
// Operations register themselves: each core/ops/<Name>.cpp ends with
//
//     PQ_REGISTER_OPERATION(makeName);
//
// so adding an operation is adding one file (and its test), with no central list to edit. The core
// library is an OBJECT library, so the linker keeps every registration.

#include "Operation.h"

#include <memory>

namespace pq {

using OperationFactory = std::unique_ptr<Operation> (*)();

struct OperationRegistrar
{
    // testOnly: registered only when PIXQUEUE_ENABLE_TEST_OPS=1 is set in the environment (the
    // debug-* hooks the crash tests use to make a job kill its process or hold its lease).
    OperationRegistrar(OperationFactory factory, bool testOnly = false);
};

} // namespace pq

#define PQ_REGISTER_OPERATION(factory) \
    static const ::pq::OperationRegistrar pqOperationRegistrar_##factory{&factory}
#define PQ_REGISTER_TEST_OPERATION(factory) \
    static const ::pq::OperationRegistrar pqOperationRegistrar_##factory{&factory, true}
