// Replays inputs through a fuzz target without libFuzzer: the normal (and the ASan) build links
// each fuzz_<name>.cpp with this main, and CTest runs it over the target's seed folder, so every
// seed (and every crash once fixed and added as a seed) is a regression test with any compiler.
//
//   fuzz_<name> PATH...   PATH: a file, or a folder whose files are all replayed (sorted)
//
// Exit code 0 when every input ran; a failed invariant aborts, as under libFuzzer.

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace {

bool replay(const std::filesystem::path &file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "cannot read %s\n", file.string().c_str());
        return false;
    }
    const std::vector<char> bytes((std::istreambuf_iterator<char>(in)),
                                  std::istreambuf_iterator<char>());
    // A copy in a buffer of exactly the input's size, as libFuzzer passes it, so that ASan sees
    // a read past the end.
    std::vector<uint8_t> data(bytes.begin(), bytes.end());
    std::printf("replay %s (%zu bytes)\n", file.string().c_str(), data.size());
    std::fflush(stdout);
    LLVMFuzzerTestOneInput(data.empty() ? nullptr : data.data(), data.size());
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s FILE-OR-FOLDER...\n", argv[0]);
        return 2;
    }
    int count = 0;
    bool ok = true;
    for (int i = 1; i < argc; ++i) {
        const std::filesystem::path path(argv[i]);
        std::error_code error;
        if (std::filesystem::is_directory(path, error)) {
            std::vector<std::filesystem::path> files;
            for (const auto &entry : std::filesystem::directory_iterator(path))
                if (entry.is_regular_file())
                    files.push_back(entry.path());
            std::sort(files.begin(), files.end());
            if (files.empty()) {
                std::fprintf(stderr, "no inputs in %s\n", path.string().c_str());
                ok = false;
            }
            for (const auto &file : files) {
                ok = replay(file) && ok;
                ++count;
            }
        } else {
            ok = replay(path) && ok;
            ++count;
        }
    }
    std::printf("%d input(s) replayed\n", count);
    return ok ? 0 : 1;
}
