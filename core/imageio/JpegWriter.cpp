#include "JpegWriter.h"

#include <csetjmp>
#include <cstdio> // jpeglib.h needs FILE
#include <cstdlib>
#include <cstring>
#include <jpeglib.h>
#include <opencv2/imgproc.hpp>

namespace pq::imageio::detail {

namespace {

// libjpeg reports fatal errors through error_exit, which must not return; the default one calls
// exit(). We jump back to encodeJpeg instead.
struct ErrorManager
{
    jpeg_error_mgr pub;
    std::jmp_buf jump;
    char message[JMSG_LENGTH_MAX];
};

void onError(j_common_ptr cinfo)
{
    auto *err = reinterpret_cast<ErrorManager *>(cinfo->err);
    (*cinfo->err->format_message)(cinfo, err->message);
    std::longjmp(err->jump, 1);
}

void onMessage(j_common_ptr) {} // warnings are not worth a line on stderr per job

struct Buffer
{
    unsigned char *data = nullptr;
    unsigned long size = 0;
};

// Everything between setjmp and the last libjpeg call lives here, with only trivially
// destructible locals: longjmp skips destructors. Returns false with err->message set on failure.
bool compress(jpeg_compress_struct *cinfo, ErrorManager *err, const cv::Mat &image,
              const JpegSettings &settings, Buffer *buffer)
{
    if (setjmp(err->jump))
        return false;
    jpeg_create_compress(cinfo);
    jpeg_mem_dest(cinfo, &buffer->data, &buffer->size);

    cinfo->image_width = JDIMENSION(image.cols);
    cinfo->image_height = JDIMENSION(image.rows);
    const bool grey = image.channels() == 1;
    cinfo->input_components = grey ? 1 : 3;
#ifdef JCS_EXTENSIONS
    cinfo->in_color_space = grey ? JCS_GRAYSCALE : JCS_EXT_BGR;
#else
    cinfo->in_color_space = grey ? JCS_GRAYSCALE : JCS_RGB; // the caller converted to RGB
#endif
    jpeg_set_defaults(cinfo);
    jpeg_set_quality(cinfo, settings.quality, TRUE);
    cinfo->optimize_coding = TRUE;
    if (!grey) {
        // Component 0 is Y; its sampling factors relative to Cb/Cr (1x1) set the subsampling.
        const int h = settings.subsampling == ChromaSubsampling::S444 ? 1 : 2;
        const int v = settings.subsampling == ChromaSubsampling::S420 ? 2 : 1;
        cinfo->comp_info[0].h_samp_factor = h;
        cinfo->comp_info[0].v_samp_factor = v;
        for (int c = 1; c < 3; ++c)
            cinfo->comp_info[c].h_samp_factor = cinfo->comp_info[c].v_samp_factor = 1;
    }
    if (settings.progressive)
        jpeg_simple_progression(cinfo);

    jpeg_start_compress(cinfo, TRUE);
    while (cinfo->next_scanline < cinfo->image_height) {
        JSAMPROW row = const_cast<JSAMPROW>(image.ptr<uchar>(int(cinfo->next_scanline)));
        jpeg_write_scanlines(cinfo, &row, 1);
    }
    jpeg_finish_compress(cinfo);
    return true;
}

} // namespace

std::optional<QString> encodeJpeg(const cv::Mat &image, const JpegSettings &settings,
                                  QByteArray *out)
{
    CV_Assert(image.depth() == CV_8U && (image.channels() == 1 || image.channels() == 3));
    cv::Mat rows = image;
#ifndef JCS_EXTENSIONS
    if (rows.channels() == 3)
        cv::cvtColor(rows, rows, cv::COLOR_BGR2RGB);
#endif
    jpeg_compress_struct cinfo;
    std::memset(&cinfo, 0, sizeof cinfo);
    ErrorManager err;
    cinfo.err = jpeg_std_error(&err.pub);
    err.pub.error_exit = onError;
    err.pub.output_message = onMessage;
    err.message[0] = '\0';
    Buffer buffer;

    const bool ok = compress(&cinfo, &err, rows, settings, &buffer);
    jpeg_destroy_compress(&cinfo);
    if (ok)
        *out = QByteArray(reinterpret_cast<const char *>(buffer.data), qsizetype(buffer.size));
    std::free(buffer.data); // allocated by jpeg_mem_dest with malloc
    if (!ok)
        return QString::fromLocal8Bit(err.message);
    return std::nullopt;
}

} // namespace pq::imageio::detail
