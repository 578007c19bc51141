<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>pq</name>
        <message>
            <source>folder already visited (symbolic link loop)</source>
            <translation>文件夹已访问过（符号链接循环）</translation>
        </message>
        <message>
            <source>not an image file type we read</source>
            <translation>不是可读取的图像文件类型</translation>
        </message>
        <message>
            <source>broken link or special file</source>
            <translation>损坏的链接或特殊文件</translation>
        </message>
        <message>
            <source>the job&apos;s recipe is invalid: %1</source>
            <translation>任务的配方无效：%1</translation>
        </message>
        <message>
            <source>unknown operation &apos;%1&apos;</source>
            <translation>未知操作“%1”</translation>
        </message>
        <message>
            <source>%1 is a folder, not an image</source>
            <translation>%1 是文件夹，不是图像</translation>
        </message>
        <message>
            <source>cannot read the folder %1: permission denied</source>
            <translation>无法读取文件夹 %1：权限被拒绝</translation>
        </message>
        <message>
            <source>cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1：%2</translation>
        </message>
        <message>
            <source>refusing to write the output over the input file %1</source>
            <translation>拒绝用输出覆盖输入文件 %1</translation>
        </message>
        <message>
            <source>gave up after %1 attempts: the process stopped or crashed during each of them</source>
            <translation>尝试 %1 次后放弃：每次尝试中进程都已停止或崩溃</translation>
        </message>
    </context>
    <context>
        <name>pq::JobStore</name>
        <message>
            <source>cannot create the folder of the job database %1</source>
            <translation>无法创建任务数据库 %1 所在的文件夹</translation>
        </message>
        <message>
            <source>cannot open the job database %1: %2</source>
            <translation>无法打开任务数据库 %1：%2</translation>
        </message>
        <message>
            <source>cannot create %1</source>
            <translation>无法创建 %1</translation>
        </message>
        <message>
            <source>cannot create the lock file in %1</source>
            <translation>无法在 %1 中创建锁文件</translation>
        </message>
        <message>
            <source>the job database %1 is locked or not writable: %2</source>
            <translation>任务数据库 %1 已被锁定或不可写：%2</translation>
        </message>
        <message>
            <source>the job database %1 was made by a newer PixQueue (schema %2, this one knows %3)</source>
            <translation>任务数据库 %1 由更新版本的 PixQueue 创建（架构 %2，本版本支持 %3）</translation>
        </message>
        <message>
            <source>cannot migrate the job database to schema %1: %2</source>
            <translation>无法将任务数据库迁移到架构 %1：%2</translation>
        </message>
        <message>
            <source>cannot write the job database %1</source>
            <translation>无法写入任务数据库 %1</translation>
        </message>
        <message>
            <source>no recipe or preset given</source>
            <translation>未指定配方或预设</translation>
        </message>
        <message>
            <source>no output folder given</source>
            <translation>未指定输出文件夹</translation>
        </message>
        <message>
            <source>the job database is busy or not writable: %1</source>
            <translation>任务数据库繁忙或不可写：%1</translation>
        </message>
        <message>
            <source>cannot record the batch: %1</source>
            <translation>无法记录批次：%1</translation>
        </message>
        <message>
            <source>skipped: the output already exists</source>
            <translation>已跳过：输出文件已存在</translation>
        </message>
        <message>
            <source>cannot record a job: %1</source>
            <translation>无法记录任务：%1</translation>
        </message>
        <message>
            <source>cannot write the job database: %1</source>
            <translation>无法写入任务数据库：%1</translation>
        </message>
        <message>
            <source>%1 (gave up after %2 attempts)</source>
            <translation>%1（尝试 %2 次后放弃）</translation>
        </message>
        <message>
            <source>the previous attempt was interrupted (the process stopped or crashed)</source>
            <translation>上一次尝试被中断（进程已停止或崩溃）</translation>
        </message>
    </context>
    <context>
        <name>pq::OperationRegistry</name>
        <message>
            <source>operation &apos;%1&apos; has no parameter &apos;%2&apos; (parameters: %3)</source>
            <translation>操作“%1”没有参数“%2”（参数：%3）</translation>
        </message>
        <message>
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <source>operation &apos;%1&apos;: %2</source>
            <translation>操作“%1”：%2</translation>
        </message>
        <message>
            <source>unknown operation &apos;%1&apos; (known: %2)</source>
            <translation>未知操作“%1”（已知：%2）</translation>
        </message>
        <message>
            <source>operation &apos;%1&apos;: expected key=value, got &apos;%2&apos;</source>
            <translation>操作“%1”：应为 键=值，实际为“%2”</translation>
        </message>
    </context>
    <context>
        <name>pq::OutputNaming</name>
        <message>
            <source>the naming template is empty</source>
            <translation>命名模板为空</translation>
        </message>
        <message>
            <source>unknown placeholder {%1} in naming template &apos;%2&apos; (known: {name}, {preset}, {index}, {parent})</source>
            <translation>命名模板“%2”中有未知占位符 {%1}（已知：{name}、{preset}、{index}、{parent}）</translation>
        </message>
        <message>
            <source>the naming template &apos;%1&apos; must not contain folder separators</source>
            <translation>命名模板“%1”不能包含文件夹分隔符</translation>
        </message>
    </context>
    <context>
        <name>pq::ParamChoice</name>
        <message>
            <source>luminance</source>
            <translation>亮度</translation>
        </message>
        <message>
            <source>per-channel</source>
            <translation>逐通道</translation>
        </message>
        <message>
            <source>gaussian</source>
            <translation>高斯</translation>
        </message>
        <message>
            <source>box</source>
            <translation>方框</translation>
        </message>
        <message>
            <source>center</source>
            <translation>居中</translation>
        </message>
        <message>
            <source>north</source>
            <translation>上</translation>
        </message>
        <message>
            <source>south</source>
            <translation>下</translation>
        </message>
        <message>
            <source>east</source>
            <translation>右</translation>
        </message>
        <message>
            <source>west</source>
            <translation>左</translation>
        </message>
        <message>
            <source>northeast</source>
            <translation>右上</translation>
        </message>
        <message>
            <source>northwest</source>
            <translation>左上</translation>
        </message>
        <message>
            <source>southeast</source>
            <translation>右下</translation>
        </message>
        <message>
            <source>southwest</source>
            <translation>左下</translation>
        </message>
        <message>
            <source>model</source>
            <translation>模型</translation>
        </message>
        <message>
            <source>reference</source>
            <translation>参考照片</translation>
        </message>
        <message>
            <source>welsh</source>
            <translation>Welsh 法</translation>
        </message>
        <message>
            <source>reinhard</source>
            <translation>Reinhard 法</translation>
        </message>
        <message>
            <source>px</source>
            <translation>像素</translation>
        </message>
        <message>
            <source>percent</source>
            <translation>百分比</translation>
        </message>
        <message>
            <source>horizontal</source>
            <translation>水平</translation>
        </message>
        <message>
            <source>vertical</source>
            <translation>垂直</translation>
        </message>
        <message>
            <source>both</source>
            <translation>两者</translation>
        </message>
        <message>
            <source>auto</source>
            <translation>自动</translation>
        </message>
        <message>
            <source>jpeg</source>
            <translation>JPEG</translation>
        </message>
        <message>
            <source>png</source>
            <translation>PNG</translation>
        </message>
        <message>
            <source>webp</source>
            <translation>WebP</translation>
        </message>
        <message>
            <source>tiff</source>
            <translation>TIFF</translation>
        </message>
        <message>
            <source>bmp</source>
            <translation>BMP</translation>
        </message>
        <message>
            <source>444</source>
            <translation>4:4:4（完整色彩分辨率）</translation>
        </message>
        <message>
            <source>422</source>
            <translation>4:2:2</translation>
        </message>
        <message>
            <source>420</source>
            <translation>4:2:0（文件最小）</translation>
        </message>
        <message>
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <source>lzw</source>
            <translation>LZW</translation>
        </message>
        <message>
            <source>deflate</source>
            <translation>Deflate</translation>
        </message>
        <message>
            <source>packbits</source>
            <translation>PackBits</translation>
        </message>
        <message>
            <source>keep</source>
            <translation>保留</translation>
        </message>
        <message>
            <source>strip</source>
            <translation>移除</translation>
        </message>
        <message>
            <source>keep-but-strip-gps</source>
            <translation>保留，但去除 GPS 位置</translation>
        </message>
        <message>
            <source>average</source>
            <translation>平均值</translation>
        </message>
        <message>
            <source>manual</source>
            <translation>手动</translation>
        </message>
        <message>
            <source>inside</source>
            <translation>适应（置于框内）</translation>
        </message>
        <message>
            <source>cover</source>
            <translation>填满（裁掉多余）</translation>
        </message>
        <message>
            <source>exact</source>
            <translation>精确拉伸</translation>
        </message>
        <message>
            <source>expand</source>
            <translation>扩展画布</translation>
        </message>
        <message>
            <source>crop</source>
            <translation>裁剪</translation>
        </message>
        <message>
            <source>autocrop</source>
            <translation>自动裁剪</translation>
        </message>
        <message>
            <source>bicubic</source>
            <translation>双三次</translation>
        </message>
        <message>
            <source>lanczos</source>
            <translation>Lanczos</translation>
        </message>
        <message>
            <source>gray-world</source>
            <translation>灰度世界</translation>
        </message>
    </context>
    <context>
        <name>pq::ParamSpec</name>
        <message>
            <source>true or false</source>
            <translation>true 或 false</translation>
        </message>
        <message>
            <source>one of %1</source>
            <translation>以下之一：%1</translation>
        </message>
        <message>
            <source>#rrggbb, #rrggbbaa or a colour name</source>
            <translation>#rrggbb、#rrggbbaa 或颜色名称</translation>
        </message>
        <message>
            <source>WxH+X+Y rectangles separated by spaces</source>
            <translation>以空格分隔的 宽x高+X+Y 矩形</translation>
        </message>
        <message>
            <source>a file path</source>
            <translation>文件路径</translation>
        </message>
        <message>
            <source>parameter &apos;%1&apos;: %2 (allowed: %3)</source>
            <translation>参数“%1”：%2（允许：%3）</translation>
        </message>
        <message>
            <source>&apos;%1&apos; is not a number</source>
            <translation>“%1”不是数字</translation>
        </message>
        <message>
            <source>&apos;%1&apos; is not a whole number</source>
            <translation>“%1”不是整数</translation>
        </message>
        <message>
            <source>%1 is out of range</source>
            <translation>%1 超出范围</translation>
        </message>
        <message>
            <source>&apos;%1&apos; is not a boolean</source>
            <translation>“%1”不是布尔值</translation>
        </message>
        <message>
            <source>&apos;%1&apos; is not a known value</source>
            <translation>“%1”不是已知的值</translation>
        </message>
        <message>
            <source>&apos;%1&apos; is not a colour</source>
            <translation>“%1”不是颜色</translation>
        </message>
        <message>
            <source>&apos;%1&apos; is not a list of rectangles</source>
            <translation>“%1”不是矩形列表</translation>
        </message>
        <message>
            <source>expected text</source>
            <translation>应为文本</translation>
        </message>
        <message>
            <source>unsupported type</source>
            <translation>不支持的类型</translation>
        </message>
    </context>
    <context>
        <name>pq::PresetLibrary</name>
        <message>
            <source>cannot read preset &apos;%1&apos;: %2</source>
            <translation>无法读取预设“%1”：%2</translation>
        </message>
        <message>
            <source>preset &apos;%1&apos;: %2</source>
            <translation>预设“%1”：%2</translation>
        </message>
        <message>
            <source>unknown preset &apos;%1&apos; (known: %2)</source>
            <translation>未知预设“%1”（已知：%2）</translation>
        </message>
    </context>
    <context>
        <name>pq::Recipe</name>
        <message>
            <source>only one &apos;format&apos; step is allowed</source>
            <translation>只允许一个“format”步骤</translation>
        </message>
        <message>
            <source>recipe version %1 is newer than this PixQueue understands (%2)</source>
            <translation>配方版本 %1 比本版本 PixQueue 支持的更新（%2）</translation>
        </message>
        <message>
            <source>recipe: &apos;steps&apos; must be a list</source>
            <translation>配方：“steps”必须是列表</translation>
        </message>
        <message>
            <source>recipe step %1: unknown operation &apos;%2&apos;</source>
            <translation>配方步骤 %1：未知操作“%2”</translation>
        </message>
        <message>
            <source>recipe step %1: %2</source>
            <translation>配方步骤 %1：%2</translation>
        </message>
        <message>
            <source>recipe output: %1</source>
            <translation>配方输出：%1</translation>
        </message>
        <message>
            <source>recipe is not valid JSON: %1 at offset %2</source>
            <translation>配方不是有效的 JSON：%1，位于偏移 %2</translation>
        </message>
        <message>
            <source>recipe must be a JSON object</source>
            <translation>配方必须是 JSON 对象</translation>
        </message>
    </context>
    <context>
        <name>pq::WorkerPool</name>
        <message>
            <source>out of memory while processing</source>
            <translation>处理时内存不足</translation>
        </message>
        <message>
            <source>internal error: %1</source>
            <translation>内部错误：%1</translation>
        </message>
        <message>
            <source>handed back: the workers stopped</source>
            <translation>已交回：工作线程已停止</translation>
        </message>
        <message>
            <source>the job was cancelled or taken over</source>
            <translation>任务已被取消或被接管</translation>
        </message>
        <message>
            <source>the lease was lost before completion</source>
            <translation>完成之前租约已丢失</translation>
        </message>
    </context>
    <context>
        <name>pq::imageio</name>
        <message>
            <source>cannot decode %1: %2</source>
            <translation>无法解码 %1：%2</translation>
        </message>
        <message>
            <source>unsupported sample type %1</source>
            <translation>不支持的采样类型 %1</translation>
        </message>
        <message>
            <source>unsupported channel count %1</source>
            <translation>不支持的通道数 %1</translation>
        </message>
        <message>
            <source>cannot read %1: file not found</source>
            <translation>无法读取 %1：找不到文件</translation>
        </message>
        <message>
            <source>cannot read %1: it is a folder, not a file</source>
            <translation>无法读取 %1：这是文件夹，不是文件</translation>
        </message>
        <message>
            <source>the file has %1 MB, more than the limit of %2 MB</source>
            <translation>文件大小为 %1 MB，超过了 %2 MB 的上限</translation>
        </message>
        <message>
            <source>the image has %1 megapixels (%2 x %3), more than the limit of %4 megapixels</source>
            <translation>图像有 %1 百万像素（%2 × %3），超过了 %4 百万像素的上限</translation>
        </message>
        <message>
            <source>cannot read %1: permission denied</source>
            <translation>无法读取 %1：权限被拒绝</translation>
        </message>
        <message>
            <source>cannot read %1: %2</source>
            <translation>无法读取 %1：%2</translation>
        </message>
        <message>
            <source>the file is empty (0 bytes)</source>
            <translation>文件为空（0 字节）</translation>
        </message>
        <message>
            <source>not a supported image (content is not JPEG/PNG/WebP/TIFF/BMP/GIF)</source>
            <translation>不是受支持的图像（内容不是 JPEG/PNG/WebP/TIFF/BMP/GIF）</translation>
        </message>
        <message>
            <source>GIF is not supported (often animated); convert it to PNG first</source>
            <translation>不支持 GIF（通常是动画）；请先转换为 PNG</translation>
        </message>
        <message>
            <source>animated WebP is not supported (PixQueue processes still images)</source>
            <translation>不支持动画 WebP（PixQueue 只处理静态图像）</translation>
        </message>
        <message>
            <source>the TIFF has several pages; PixQueue processes single-page images (split it first, e.g. with tiffsplit)</source>
            <translation>该 TIFF 有多页；PixQueue 只处理单页图像（请先拆分，例如用 tiffsplit）</translation>
        </message>
        <message>
            <source>the JPEG data is truncated (no end-of-image marker)</source>
            <translation>JPEG 数据被截断（没有图像结束标记）</translation>
        </message>
        <message>
            <source>the %1 data is truncated or corrupt</source>
            <translation>%1 数据被截断或已损坏</translation>
        </message>
        <message>
            <source>the decoder failed: %1</source>
            <translation>解码器失败：%1</translation>
        </message>
        <message>
            <source>out of memory</source>
            <translation>内存不足</translation>
        </message>
        <message>
            <source>cannot encode: unsupported output type &apos;%1&apos; (supported: jpg, png, webp, tif, bmp)</source>
            <translation>无法编码：不支持的输出类型“%1”（支持：jpg、png、webp、tif、bmp）</translation>
        </message>
        <message>
            <source>cannot encode: the image is empty</source>
            <translation>无法编码：图像为空</translation>
        </message>
        <message>
            <source>cannot encode: max-bytes works only for JPEG and lossy WebP output, and this output is %1%2</source>
            <translation>无法编码：max-bytes 只适用于 JPEG 和有损 WebP 输出，而此输出为 %1%2</translation>
        </message>
        <message>
            <source> (lossless)</source>
            <translation>（无损）</translation>
        </message>
        <message>
            <source>cannot encode the image as JPEG: %1</source>
            <translation>无法将图像编码为 JPEG：%1</translation>
        </message>
        <message>
            <source>cannot encode the image as %1</source>
            <translation>无法将图像编码为 %1</translation>
        </message>
        <message>
            <source>cannot fit the %1 into max-bytes %2: at quality %3 it still takes %4 bytes</source>
            <translation>无法将 %1 压缩到 max-bytes %2 以内：质量为 %3 时仍需 %4 字节</translation>
        </message>
        <message>
            <source>, %1 of them metadata (make the image smaller, use metadata=strip or allow more bytes)</source>
            <translation>，其中 %1 字节为元数据（请缩小图像、使用 metadata=strip 或允许更多字节）</translation>
        </message>
        <message>
            <source> (make the image smaller or allow more bytes)</source>
            <translation>（请缩小图像或允许更多字节）</translation>
        </message>
        <message>
            <source>cannot encode the image as %1: %2</source>
            <translation>无法将图像编码为 %1：%2</translation>
        </message>
        <message>
            <source>cannot encode: out of memory</source>
            <translation>无法编码：内存不足</translation>
        </message>
        <message>
            <source>cannot write output folder %1: %2</source>
            <translation>无法写入输出文件夹 %1：%2</translation>
        </message>
        <message>
            <source>%1 is a file, not a folder</source>
            <translation>%1 是文件，不是文件夹</translation>
        </message>
        <message>
            <source>permission denied</source>
            <translation>权限被拒绝</translation>
        </message>
        <message>
            <source>the folder could not be created</source>
            <translation>无法创建文件夹</translation>
        </message>
        <message>
            <source>cannot write %1: a folder of that name exists</source>
            <translation>无法写入 %1：已存在同名文件夹</translation>
        </message>
        <message>
            <source>cannot write %1: %2</source>
            <translation>无法写入 %1：%2</translation>
        </message>
        <message>
            <source>short write</source>
            <translation>写入不完整</translation>
        </message>
        <message>
            <source>cannot read the metadata of %1: %2</source>
            <translation>无法读取 %1 的元数据：%2</translation>
        </message>
        <message>
            <source>the file is empty</source>
            <translation>文件为空</translation>
        </message>
        <message>
            <source>the XMP metadata of %1 is not valid XMP and is not copied</source>
            <translation>%1 的 XMP 元数据不是有效的 XMP，不会被复制</translation>
        </message>
        <message>
            <source>cannot copy the metadata into the output: %1 (metadata=strip writes the image without it)</source>
            <translation>无法将元数据复制到输出：%1（metadata=strip 会写入不含元数据的图像）</translation>
        </message>
    </context>
    <context>
        <name>pq::ops</name>
        <message>
            <source>image processing failed: %1</source>
            <translation>图像处理失败：%1</translation>
        </message>
        <message>
            <source>out of memory</source>
            <translation>内存不足</translation>
        </message>
        <message>
            <source>cancelled</source>
            <translation>已取消</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::AutoLevels</name>
        <message>
            <source>Auto levels</source>
            <translation>自动色阶</translation>
        </message>
        <message>
            <source>Stretches the tones to the full range, letting a small share of the darkest and lightest pixels clip.</source>
            <translation>将色调拉伸到完整范围，允许一小部分最暗和最亮的像素被裁切。</translation>
        </message>
        <message>
            <source>Clip</source>
            <translation>裁切比例</translation>
        </message>
        <message>
            <source>Share of the pixels allowed to become pure black, and likewise pure white, so that a few outliers do not stop the stretch.</source>
            <translation>允许变为纯黑（以及同样比例变为纯白）的像素比例，使少数异常值不会妨碍拉伸。</translation>
        </message>
        <message>
            <source>Mode</source>
            <translation>模式</translation>
        </message>
        <message>
            <source>Stretch lightness only, keeping hues, or each colour channel on its own, which also removes a colour cast.</source>
            <translation>只拉伸亮度并保留色相，或分别拉伸每个颜色通道（同时去除色偏）。</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::AutoOrient</name>
        <message>
            <source>Auto-orient</source>
            <translation>自动旋转</translation>
        </message>
        <message>
            <source>Leaves the pixels as they are: every image is already turned upright by its EXIF orientation when it is read, and outputs are never tagged as rotated. Kept so that recipes from other tools load.</source>
            <translation>不改变像素：每张图像在读取时已按 EXIF 方向摆正，输出也从不标记为已旋转。保留此操作是为了能加载其他工具的配方。</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::Blur</name>
        <message>
            <source>Blur</source>
            <translation>模糊</translation>
        </message>
        <message>
            <source>Softens the image.</source>
            <translation>柔化图像。</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>gaussian is smooth and natural; box averages a square and is harsher.</source>
            <translation>高斯模糊平滑自然；方框模糊对正方形区域取平均，效果更生硬。</translation>
        </message>
        <message>
            <source>Radius</source>
            <translation>半径</translation>
        </message>
        <message>
            <source>gaussian: the standard deviation; box: half the side of the square (rounded, at least 1).</source>
            <translation>高斯：标准差；方框：正方形边长的一半（取整，至少为 1）。</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::Border</name>
        <message>
            <source>Border</source>
            <translation>边框</translation>
        </message>
        <message>
            <source>Frames the image with a border of one colour.</source>
            <translation>为图像加上单色边框。</translation>
        </message>
        <message>
            <source>Width in pixels</source>
            <translation>宽度（像素）</translation>
        </message>
        <message>
            <source>Border width in pixels; added to size-percent when both are set.</source>
            <translation>边框宽度（像素）；与 size-percent 同时设置时两者相加。</translation>
        </message>
        <message>
            <source>Width in percent</source>
            <translation>宽度（百分比）</translation>
        </message>
        <message>
            <source>Border width in percent of the image&apos;s shorter side, so that images of any size get the same look.</source>
            <translation>边框宽度，占图像短边的百分比，使任意尺寸的图像效果一致。</translation>
        </message>
        <message>
            <source>Colour</source>
            <translation>颜色</translation>
        </message>
        <message>
            <source>Colour of the border; transparent adds an alpha channel.</source>
            <translation>边框颜色；transparent（透明）会添加 Alpha 通道。</translation>
        </message>
        <message>
            <source>no border width given: set size-px and/or size-percent</source>
            <translation>未指定边框宽度：请设置 size-px 和/或 size-percent</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::BrightnessContrast</name>
        <message>
            <source>Brightness and contrast</source>
            <translation>亮度和对比度</translation>
        </message>
        <message>
            <source>Changes lightness and contrast on the L* channel of Lab, keeping colours as they are.</source>
            <translation>在 Lab 的 L* 通道上调整亮度和对比度，颜色保持不变。</translation>
        </message>
        <message>
            <source>Brightness</source>
            <translation>亮度</translation>
        </message>
        <message>
            <source>Lightens (positive) or darkens (negative) the mid-tones; black and white stay as they are.</source>
            <translation>提亮（正值）或压暗（负值）中间调；黑色和白色保持不变。</translation>
        </message>
        <message>
            <source>Contrast</source>
            <translation>对比度</translation>
        </message>
        <message>
            <source>Spreads (positive) or narrows (negative) the tones around the image&apos;s mean lightness; -100 is flat, 100 is black and white.</source>
            <translation>以图像平均亮度为中心扩展（正值）或压缩（负值）色调；-100 为全平，100 为黑白。</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::Canvas</name>
        <message>
            <source>Canvas</source>
            <translation>画布</translation>
        </message>
        <message>
            <source>Pads the image with a colour to a size and/or an aspect ratio, without cropping or scaling it.</source>
            <translation>用一种颜色将图像填充到指定尺寸和/或宽高比，不裁剪也不缩放。</translation>
        </message>
        <message>
            <source>Width</source>
            <translation>宽度</translation>
        </message>
        <message>
            <source>Canvas width; 0 keeps the image&apos;s. An image already wider keeps its width: canvas never crops.</source>
            <translation>画布宽度；0 保持图像原宽。比画布更宽的图像保持其宽度：画布从不裁剪。</translation>
        </message>
        <message>
            <source>Height</source>
            <translation>高度</translation>
        </message>
        <message>
            <source>Canvas height; 0 keeps the image&apos;s. An image already taller keeps its height: canvas never crops.</source>
            <translation>画布高度；0 保持图像原高。比画布更高的图像保持其高度：画布从不裁剪。</translation>
        </message>
        <message>
            <source>Aspect ratio</source>
            <translation>宽高比</translation>
        </message>
        <message>
            <source>Such as 1:1 or 16:9: pad the shorter direction until the canvas has this shape (after width and height).</source>
            <translation>例如 1:1 或 16:9：在宽度和高度之后，沿较短方向填充，直到画布达到此形状。</translation>
        </message>
        <message>
            <source>Gravity</source>
            <translation>对齐位置</translation>
        </message>
        <message>
            <source>Where the image sits on the canvas.</source>
            <translation>图像在画布上的位置。</translation>
        </message>
        <message>
            <source>Colour</source>
            <translation>颜色</translation>
        </message>
        <message>
            <source>Colour of the added area; transparent adds an alpha channel.</source>
            <translation>填充区域的颜色；transparent（透明）会添加 Alpha 通道。</translation>
        </message>
        <message>
            <source>parameter &apos;aspect&apos;: &apos;%1&apos; is not an aspect ratio (examples: 16:9, 1:1, 1.5)</source>
            <translation>参数“aspect”：“%1”不是宽高比（示例：16:9、1:1、1.5）</translation>
        </message>
        <message>
            <source>no canvas size given: set width and/or height, or aspect</source>
            <translation>未指定画布尺寸：请设置 width 和/或 height，或 aspect</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::Clahe</name>
        <message>
            <source>Local contrast (CLAHE)</source>
            <translation>局部对比度 (CLAHE)</translation>
        </message>
        <message>
            <source>Brings out detail in dark and flat areas by equalising the lightness region by region, with a limit on how far contrast may be raised.</source>
            <translation>逐区域均衡亮度，带出暗部和平坦区域的细节，并限制对比度的提升幅度。</translation>
        </message>
        <message>
            <source>Clip limit</source>
            <translation>裁切限值</translation>
        </message>
        <message>
            <source>How much contrast may be raised locally, as a multiple of a flat histogram (as in OpenCV): 1 is the gentlest, 2 to 4 natural, higher dramatic.</source>
            <translation>局部对比度可提升的幅度，以平坦直方图的倍数表示（与 OpenCV 相同）：1 最柔和，2 到 4 自然，更高则强烈。</translation>
        </message>
        <message>
            <source>Tiles</source>
            <translation>分块数</translation>
        </message>
        <message>
            <source>Number of tiles across each side of the image (8 = an 8x8 grid, as OpenCV&apos;s tileGridSize); more tiles, more local.</source>
            <translation>图像每边的分块数（8 = 8×8 网格，即 OpenCV 的 tileGridSize）；分块越多，效果越局部。</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::Colorize</name>
        <message>
            <source>Colorize</source>
            <translation>黑白上色</translation>
        </message>
        <message>
            <source>Gives a black-and-white photo colour, from a neural network or from a reference colour photo, keeping its luminance.</source>
            <translation>为黑白照片上色，使用神经网络或参考彩色照片，并保留其亮度。</translation>
        </message>
        <message>
            <source>Engine</source>
            <translation>引擎</translation>
        </message>
        <message>
            <source>model: the Zhang et al. 2016 colorization network (needs its model files); reference: colours taken from a reference colour photo.</source>
            <translation>模型：Zhang 等人 2016 年的上色网络（需要其模型文件）；参考照片：从参考彩色照片中获取颜色。</translation>
        </message>
        <message>
            <source>Reference photo</source>
            <translation>参考照片</translation>
        </message>
        <message>
            <source>A colour photo of a similar scene whose colours are transferred (engine reference).</source>
            <translation>场景相似的彩色照片，其颜色将被迁移（参考照片引擎）。</translation>
        </message>
        <message>
            <source>Model folder</source>
            <translation>模型文件夹</translation>
        </message>
        <message>
            <source>Folder holding colorization_deploy_v2.prototxt, colorization_release_v2.caffemodel and pts_in_hull.npy; empty uses $PIXQUEUE_COLORIZE_MODEL_DIR, else the application data folder&apos;s models/colorization.</source>
            <translation>包含 colorization_deploy_v2.prototxt、colorization_release_v2.caffemodel 和 pts_in_hull.npy 的文件夹；留空时使用 $PIXQUEUE_COLORIZE_MODEL_DIR，否则使用应用数据文件夹中的 models/colorization。</translation>
        </message>
        <message>
            <source>Transfer method</source>
            <translation>迁移方法</translation>
        </message>
        <message>
            <source>welsh: each pixel takes the colour of the reference pixel most like it in brightness and texture; reinhard: faster, matches the mean and spread of colour only (a grey photo gets one overall tone).</source>
            <translation>Welsh 法：每个像素取亮度和纹理最相似的参考像素的颜色；Reinhard 法：更快，只匹配颜色的均值和离散度（灰色照片会得到单一的整体色调）。</translation>
        </message>
        <message>
            <source>Samples</source>
            <translation>采样数</translation>
        </message>
        <message>
            <source>How many reference pixels the welsh method chooses from.</source>
            <translation>Welsh 法从多少个参考像素中挑选。</translation>
        </message>
        <message>
            <source>Strength</source>
            <translation>强度</translation>
        </message>
        <message>
            <source>How much of the new colour replaces the photo&apos;s own (1 = all).</source>
            <translation>新颜色替换照片原有颜色的程度（1 = 全部）。</translation>
        </message>
        <message>
            <source>Saturation</source>
            <translation>饱和度</translation>
        </message>
        <message>
            <source>Scales the chroma of the result.</source>
            <translation>缩放结果的色度。</translation>
        </message>
        <message>
            <source>engine &apos;reference&apos; needs a colour photo: set reference=FILE</source>
            <translation>引擎“reference”需要一张彩色照片：请设置 reference=文件</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::Crop</name>
        <message>
            <source>Crop</source>
            <translation>裁剪</translation>
        </message>
        <message>
            <source>Keeps a rectangle of the image, or the largest part with a given aspect ratio.</source>
            <translation>保留图像中的一个矩形，或具有指定宽高比的最大区域。</translation>
        </message>
        <message>
            <source>Left</source>
            <translation>左</translation>
        </message>
        <message>
            <source>Left edge of the rectangle.</source>
            <translation>矩形的左边缘。</translation>
        </message>
        <message>
            <source>Top</source>
            <translation>上</translation>
        </message>
        <message>
            <source>Top edge of the rectangle.</source>
            <translation>矩形的上边缘。</translation>
        </message>
        <message>
            <source>Width</source>
            <translation>宽度</translation>
        </message>
        <message>
            <source>Width of the rectangle; 0 reaches the right edge.</source>
            <translation>矩形的宽度；0 表示延伸到右边缘。</translation>
        </message>
        <message>
            <source>Height</source>
            <translation>高度</translation>
        </message>
        <message>
            <source>Height of the rectangle; 0 reaches the bottom edge.</source>
            <translation>矩形的高度；0 表示延伸到下边缘。</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>单位</translation>
        </message>
        <message>
            <source>Whether x, y, width and height are pixels or percent of the image size.</source>
            <translation>x、y、宽度和高度是像素还是图像尺寸的百分比。</translation>
        </message>
        <message>
            <source>Aspect ratio</source>
            <translation>宽高比</translation>
        </message>
        <message>
            <source>Such as 16:9 or 1:1: keep the largest rectangle of this shape inside the one given.</source>
            <translation>例如 16:9 或 1:1：在给定矩形内保留此形状的最大矩形。</translation>
        </message>
        <message>
            <source>Gravity</source>
            <translation>对齐位置</translation>
        </message>
        <message>
            <source>Where the aspect-ratio rectangle sits when it is smaller than the space.</source>
            <translation>宽高比矩形小于可用空间时所处的位置。</translation>
        </message>
        <message>
            <source>parameter &apos;aspect&apos;: &apos;%1&apos; is not an aspect ratio (examples: 16:9, 1:1, 1.5)</source>
            <translation>参数“aspect”：“%1”不是宽高比（示例：16:9、1:1、1.5）</translation>
        </message>
        <message>
            <source>parameter &apos;%1&apos;: %2 is more than 100 percent</source>
            <translation>参数“%1”：%2 超过了 100%</translation>
        </message>
        <message>
            <source>the rectangle at (%1, %2) %3 is outside the %4x%5 image, nothing would be left</source>
            <translation>位于 (%1, %2) 的矩形 %3 在 %4x%5 图像之外，裁剪后将一无所剩</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::Denoise</name>
        <message>
            <source>Denoise</source>
            <translation>降噪</translation>
        </message>
        <message>
            <source>Removes noise and film grain with non-local means, separately for lightness and colour.</source>
            <translation>用非局部均值法去除噪点和胶片颗粒，亮度和颜色分别处理。</translation>
        </message>
        <message>
            <source>Luma strength</source>
            <translation>亮度降噪强度</translation>
        </message>
        <message>
            <source>Filter strength h for lightness noise: about the noise&apos;s standard deviation in 0..255 levels; 3 to 10 is usual, higher also removes fine detail.</source>
            <translation>亮度噪点的滤波强度 h：约为噪点在 0..255 色阶上的标准差；通常为 3 到 10，更高也会去除细节。</translation>
        </message>
        <message>
            <source>Colour strength</source>
            <translation>色彩降噪强度</translation>
        </message>
        <message>
            <source>Filter strength for colour noise (blotches); 10 removes most without washing out colours. Unused for gray images.</source>
            <translation>色彩噪点（色斑）的滤波强度；10 可去除大部分色斑而不使颜色褪淡。灰度图像不使用。</translation>
        </message>
        <message>
            <source>Search window</source>
            <translation>搜索窗口</translation>
        </message>
        <message>
            <source>Side of the area searched for similar patches (odd); larger is stronger and slower.</source>
            <translation>搜索相似图块的区域边长（奇数）；越大效果越强、速度越慢。</translation>
        </message>
        <message>
            <source>Patch size</source>
            <translation>图块大小</translation>
        </message>
        <message>
            <source>Side of the patches compared (odd), smaller than the search window.</source>
            <translation>所比较图块的边长（奇数），须小于搜索窗口。</translation>
        </message>
        <message>
            <source>parameter &apos;search-window&apos;: %1 is even; it must be odd (7, 9, ..., 35)</source>
            <translation>参数“search-window”：%1 是偶数；必须为奇数（7、9、...、35）</translation>
        </message>
        <message>
            <source>parameter &apos;template-window&apos;: %1 is even; it must be odd (3, 5, ..., 15)</source>
            <translation>参数“template-window”：%1 是偶数；必须为奇数（3、5、...、15）</translation>
        </message>
        <message>
            <source>parameter &apos;template-window&apos;: %1 must be smaller than search-window (%2)</source>
            <translation>参数“template-window”：%1 必须小于 search-window（%2）</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::Flip</name>
        <message>
            <source>Flip</source>
            <translation>翻转</translation>
        </message>
        <message>
            <source>Mirrors the image horizontally, vertically or both, pixel for pixel.</source>
            <translation>逐像素地水平、垂直或双向镜像图像。</translation>
        </message>
        <message>
            <source>Direction</source>
            <translation>方向</translation>
        </message>
        <message>
            <source>Horizontal swaps left and right, vertical swaps top and bottom; both does the two, which is a half turn.</source>
            <translation>水平翻转交换左右，垂直翻转交换上下；两者同时进行相当于旋转半周。</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::FormatOutput</name>
        <message>
            <source>Output format</source>
            <translation>输出格式</translation>
        </message>
        <message>
            <source>Chooses the output file type and the encoder settings.</source>
            <translation>选择输出文件类型和编码器设置。</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>File type to write; auto keeps the input&apos;s type where it can be written.</source>
            <translation>要写入的文件类型；自动表示尽可能保留输入的类型。</translation>
        </message>
        <message>
            <source>Quality</source>
            <translation>质量</translation>
        </message>
        <message>
            <source>JPEG and WebP quality: higher is better and larger.</source>
            <translation>JPEG 和 WebP 质量：越高越好，文件也越大。</translation>
        </message>
        <message>
            <source>PNG compression</source>
            <translation>PNG 压缩</translation>
        </message>
        <message>
            <source>zlib level: higher is smaller and slower; all are lossless.</source>
            <translation>zlib 级别：越高文件越小、速度越慢；所有级别均为无损。</translation>
        </message>
        <message>
            <source>Progressive JPEG</source>
            <translation>渐进式 JPEG</translation>
        </message>
        <message>
            <source>Write JPEGs that load coarse-to-fine.</source>
            <translation>写入由粗到细逐步加载的 JPEG。</translation>
        </message>
        <message>
            <source>Chroma subsampling</source>
            <translation>色度抽样</translation>
        </message>
        <message>
            <source>JPEG colour resolution: 444 keeps fine colour detail (red text, fabric), 420 is smallest and what most cameras write.</source>
            <translation>JPEG 的色彩分辨率：4:4:4 保留细微色彩细节（红色文字、织物），4:2:0 文件最小，也是大多数相机采用的方式。</translation>
        </message>
        <message>
            <source>Lossless WebP</source>
            <translation>无损 WebP</translation>
        </message>
        <message>
            <source>Write WebP without any loss; quality is then ignored.</source>
            <translation>以完全无损的方式写入 WebP；此时忽略质量设置。</translation>
        </message>
        <message>
            <source>TIFF compression</source>
            <translation>TIFF 压缩</translation>
        </message>
        <message>
            <source>All are lossless; deflate is usually smallest, none is read by every program.</source>
            <translation>全部为无损；Deflate 通常最小，不压缩则所有程序都能读取。</translation>
        </message>
        <message>
            <source>Background</source>
            <translation>背景</translation>
        </message>
        <message>
            <source>Colour that transparent parts are laid on for JPEG and BMP, which cannot store transparency.</source>
            <translation>JPEG 和 BMP 无法保存透明度，透明部分将铺在此颜色上。</translation>
        </message>
        <message>
            <source>Metadata</source>
            <translation>元数据</translation>
        </message>
        <message>
            <source>EXIF, XMP, IPTC and colour profile of the input: keep them, strip them (a non-sRGB colour profile stays, or the colours would change), or keep all but the GPS position.</source>
            <translation>输入的 EXIF、XMP、IPTC 和色彩配置文件：保留、移除（非 sRGB 色彩配置文件会保留，否则颜色会改变），或保留除 GPS 位置以外的全部。</translation>
        </message>
        <message>
            <source>Maximum file size</source>
            <translation>最大文件大小</translation>
        </message>
        <message>
            <source>JPEG and WebP: lower the quality as little as needed for the file to fit; 0 for no limit.</source>
            <translation>JPEG 和 WebP：尽量少地降低质量，使文件不超过此大小；0 表示不限制。</translation>
        </message>
        <message>
            <source>max-bytes %1: a size limit works only for jpeg and webp output, not %2</source>
            <translation>max-bytes %1：大小限制只适用于 jpeg 和 webp 输出，不适用于 %2</translation>
        </message>
        <message>
            <source>max-bytes %1: a size limit needs lossy output; remove lossless=true</source>
            <translation>max-bytes %1：大小限制需要有损输出；请移除 lossless=true</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::Gamma</name>
        <message>
            <source>Gamma</source>
            <translation>伽马</translation>
        </message>
        <message>
            <source>Brightens (gamma above 1) or darkens (below 1) the mid-tones with a power curve.</source>
            <translation>用幂函数曲线提亮（伽马大于 1）或压暗（小于 1）中间调。</translation>
        </message>
        <message>
            <source>Output = input^(1/gamma): 1 changes nothing, 2.2 brightens the mid-tones strongly, 0.5 darkens them.</source>
            <translation>输出 = 输入^(1/伽马)：1 不做改变，2.2 大幅提亮中间调，0.5 使其变暗。</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::Grayscale</name>
        <message>
            <source>Grayscale</source>
            <translation>灰度</translation>
        </message>
        <message>
            <source>Converts the image to shades of gray.</source>
            <translation>将图像转换为灰度。</translation>
        </message>
        <message>
            <source>Method</source>
            <translation>方法</translation>
        </message>
        <message>
            <source>luminance keeps the perceived lightness of every colour (BT.709, the L* of Lab); average is the plain mean of red, green and blue.</source>
            <translation>亮度法保留每种颜色的感知亮度（BT.709，即 Lab 的 L*）；平均值法是红、绿、蓝的简单平均。</translation>
        </message>
        <message>
            <source>Keep channels</source>
            <translation>保留通道</translation>
        </message>
        <message>
            <source>Write three equal colour channels instead of one gray channel (images with transparency always keep theirs).</source>
            <translation>写入三个相同的颜色通道，而不是一个灰度通道（带透明度的图像始终保留其通道）。</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::Invert</name>
        <message>
            <source>Invert</source>
            <translation>反相</translation>
        </message>
        <message>
            <source>Turns the image into its negative; transparency is kept.</source>
            <translation>将图像转为负片；保留透明度。</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::RedEyeRemoval</name>
        <message>
            <source>Red-eye removal</source>
            <translation>红眼消除</translation>
        </message>
        <message>
            <source>Turns flash-red pupils into natural dark ones, found automatically or inside eye rectangles you give.</source>
            <translation>将闪光灯造成的红色瞳孔变为自然的深色，可自动检测，或只在您给出的眼睛矩形内处理。</translation>
        </message>
        <message>
            <source>Mode</source>
            <translation>模式</translation>
        </message>
        <message>
            <source>auto finds faces and eyes (or, in close-ups, round red pupils) by itself; manual corrects only inside the eyes you give.</source>
            <translation>自动：自行查找人脸和眼睛（特写时查找圆形红色瞳孔）；手动：只在您给出的眼睛区域内校正。</translation>
        </message>
        <message>
            <source>Eyes</source>
            <translation>眼睛</translation>
        </message>
        <message>
            <source>Manual mode: one rectangle WxH+X+Y around each eye, in pixels of the upright image.</source>
            <translation>手动模式：每只眼睛周围一个 宽x高+X+Y 矩形，以摆正后图像的像素为单位。</translation>
        </message>
        <message>
            <source>Eye centres</source>
            <translation>眼睛中心</translation>
        </message>
        <message>
            <source>Manual mode, instead of or besides rectangles: pupil centres X:Y separated by spaces, each searched within &apos;radius&apos;.</source>
            <translation>手动模式，代替或补充矩形：以空格分隔的瞳孔中心 X:Y，各自在“radius”范围内搜索。</translation>
        </message>
        <message>
            <source>Radius</source>
            <translation>半径</translation>
        </message>
        <message>
            <source>Manual mode: how far from each centre in &apos;points&apos; to look for the red pupil.</source>
            <translation>手动模式：在“points”中每个中心周围多远的范围内寻找红色瞳孔。</translation>
        </message>
        <message>
            <source>parameter &apos;points&apos;: &apos;%1&apos; is not a list of X:Y points (example: 120:85 240:88)</source>
            <translation>参数“points”：“%1”不是 X:Y 点列表（示例：120:85 240:88）</translation>
        </message>
        <message>
            <source>mode=manual needs the eyes: set &apos;eyes&apos; (WxH+X+Y rectangles) or &apos;points&apos; (X:Y centres)</source>
            <translation>mode=manual 需要指定眼睛：请设置“eyes”（宽x高+X+Y 矩形）或“points”（X:Y 中心点）</translation>
        </message>
        <message>
            <source>&apos;eyes&apos; and &apos;points&apos; are used only with mode=manual; set mode=manual or leave them out</source>
            <translation>“eyes”和“points”仅在 mode=manual 时使用；请设置 mode=manual 或省略它们</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::Resize</name>
        <message>
            <source>Resize</source>
            <translation>调整大小</translation>
        </message>
        <message>
            <source>Scales the image to a box, a long edge or a percentage of its size.</source>
            <translation>将图像缩放到一个框、指定长边或原尺寸的百分比。</translation>
        </message>
        <message>
            <source>Width</source>
            <translation>宽度</translation>
        </message>
        <message>
            <source>Target width; 0 keeps the aspect ratio.</source>
            <translation>目标宽度；0 保持宽高比。</translation>
        </message>
        <message>
            <source>Height</source>
            <translation>高度</translation>
        </message>
        <message>
            <source>Target height; 0 keeps the aspect ratio.</source>
            <translation>目标高度；0 保持宽高比。</translation>
        </message>
        <message>
            <source>Long edge</source>
            <translation>长边</translation>
        </message>
        <message>
            <source>Length of the longer side, whichever it is; 0 for unused.</source>
            <translation>较长一边的长度（无论是哪一边）；0 表示不使用。</translation>
        </message>
        <message>
            <source>Percent</source>
            <translation>百分比</translation>
        </message>
        <message>
            <source>Scale factor in percent; 0 for unused.</source>
            <translation>缩放比例（百分比）；0 表示不使用。</translation>
        </message>
        <message>
            <source>Fit</source>
            <translation>适应方式</translation>
        </message>
        <message>
            <source>With width and height: fit inside the box, cover it and crop the overflow at the centre, or stretch to it exactly.</source>
            <translation>同时指定宽度和高度时：适应到框内、填满框并从中央裁掉多余部分，或精确拉伸到框的尺寸。</translation>
        </message>
        <message>
            <source>Enlarge</source>
            <translation>放大</translation>
        </message>
        <message>
            <source>Allow making images larger than they are.</source>
            <translation>允许将图像放大到超过原尺寸。</translation>
        </message>
        <message>
            <source>no size given: set width and/or height, or long-edge, or percent</source>
            <translation>未指定尺寸：请设置 width 和/或 height，或 long-edge，或 percent</translation>
        </message>
        <message>
            <source>give only one way of sizing: width and/or height, or long-edge, or percent</source>
            <translation>只能使用一种尺寸指定方式：width 和/或 height，或 long-edge，或 percent</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::Rotate</name>
        <message>
            <source>Rotate</source>
            <translation>旋转</translation>
        </message>
        <message>
            <source>Rotates clockwise: right angles exactly, pixel for pixel; other angles onto a background colour or cropped to the largest rectangle without background.</source>
            <translation>顺时针旋转：直角逐像素精确旋转；其他角度旋转到背景色上，或裁剪为不含背景的最大矩形。</translation>
        </message>
        <message>
            <source>Angle</source>
            <translation>角度</translation>
        </message>
        <message>
            <source>Clockwise rotation in degrees; negative turns counter-clockwise. 90, 180 and 270 move pixels without resampling.</source>
            <translation>顺时针旋转角度（度）；负值为逆时针。90、180 和 270 度只移动像素，不重新采样。</translation>
        </message>
        <message>
            <source>Background</source>
            <translation>背景</translation>
        </message>
        <message>
            <source>Colour of the corners uncovered by an angle that is not a right angle; transparent adds an alpha channel.</source>
            <translation>非直角旋转露出的角落的颜色；transparent（透明）会添加 Alpha 通道。</translation>
        </message>
        <message>
            <source>Fit</source>
            <translation>适应方式</translation>
        </message>
        <message>
            <source>For angles that are not right angles: enlarge the canvas to hold the whole rotated image, keep the original size, or crop to the largest rectangle without background.</source>
            <translation>对于非直角：扩展画布以容纳整个旋转后的图像、保持原尺寸，或裁剪为不含背景的最大矩形。</translation>
        </message>
        <message>
            <source>Interpolation</source>
            <translation>插值</translation>
        </message>
        <message>
            <source>Resampling for angles that are not right angles: bicubic, or Lanczos (sharper, more ringing at hard edges).</source>
            <translation>非直角旋转时的重采样方式：双三次，或 Lanczos（更锐利，硬边缘处振铃更多）。</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::Saturation</name>
        <message>
            <source>Saturation</source>
            <translation>饱和度</translation>
        </message>
        <message>
            <source>Makes colours more vivid or more muted without changing lightness.</source>
            <translation>使颜色更鲜艳或更柔和，不改变亮度。</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>数量</translation>
        </message>
        <message>
            <source>Change of chroma in percent: -100 removes all colour, 100 doubles it.</source>
            <translation>色度变化百分比：-100 去除全部颜色，100 使其加倍。</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::Sepia</name>
        <message>
            <source>Sepia</source>
            <translation>怀旧棕褐色</translation>
        </message>
        <message>
            <source>Gives the image the warm brown tone of an old sepia print.</source>
            <translation>赋予图像老式棕褐色相片的暖棕色调。</translation>
        </message>
        <message>
            <source>Strength</source>
            <translation>强度</translation>
        </message>
        <message>
            <source>0 keeps the original colours, 1 is a full sepia tone.</source>
            <translation>0 保留原始颜色，1 为完全的棕褐色调。</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::Sharpen</name>
        <message>
            <source>Sharpen</source>
            <translation>锐化</translation>
        </message>
        <message>
            <source>Makes edges crisper with an unsharp mask applied to lightness.</source>
            <translation>对亮度应用 USM 锐化（反锐化掩模），使边缘更清晰。</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>数量</translation>
        </message>
        <message>
            <source>How much of the edge contrast is added: 0.5 is subtle, 1 clear, above 2 strong.</source>
            <translation>增加的边缘对比度：0.5 轻微，1 明显，大于 2 强烈。</translation>
        </message>
        <message>
            <source>Radius</source>
            <translation>半径</translation>
        </message>
        <message>
            <source>Size of the details sharpened (the blur&apos;s standard deviation): 0.5 to 2 px for fine detail, larger for local contrast.</source>
            <translation>被锐化细节的大小（模糊的标准差）：精细细节用 0.5 到 2 px，更大则增强局部对比度。</translation>
        </message>
        <message>
            <source>Threshold</source>
            <translation>阈值</translation>
        </message>
        <message>
            <source>Differences smaller than this (0..255 levels) are left alone, to keep noise and skin texture from being sharpened.</source>
            <translation>小于此值（0..255 色阶）的差异保持不变，以免锐化噪点和皮肤纹理。</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::TeethWhitening</name>
        <message>
            <source>Teeth whitening</source>
            <translation>牙齿美白</translation>
        </message>
        <message>
            <source>Makes teeth whiter and brighter in smiling faces, found automatically or inside mouth rectangles you give.</source>
            <translation>使微笑面孔中的牙齿更白更亮，可自动检测，或只在您给出的嘴部矩形内处理。</translation>
        </message>
        <message>
            <source>Strength</source>
            <translation>强度</translation>
        </message>
        <message>
            <source>0 changes nothing; 1 removes most of the yellow and brightens the teeth by a third of their distance to white.</source>
            <translation>0 不做改变；1 去除大部分黄色，并将牙齿亮度向白色提升三分之一的距离。</translation>
        </message>
        <message>
            <source>Mouths</source>
            <translation>嘴部</translation>
        </message>
        <message>
            <source>Optional: rectangles WxH+X+Y around the mouths, in pixels of the upright image; without them faces and smiles are found automatically.</source>
            <translation>可选：嘴部周围的 宽x高+X+Y 矩形，以摆正后图像的像素为单位；不指定时自动查找人脸和笑容。</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::Thumbnail</name>
        <message>
            <source>Thumbnail</source>
            <translation>缩略图</translation>
        </message>
        <message>
            <source>Makes a small preview that fits a box, optionally cropped to a square.</source>
            <translation>生成适应一个框的小预览图，可选择裁剪为正方形。</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>尺寸</translation>
        </message>
        <message>
            <source>Width and height of the box the thumbnail fits.</source>
            <translation>缩略图所适应的框的宽度和高度。</translation>
        </message>
        <message>
            <source>Width</source>
            <translation>宽度</translation>
        </message>
        <message>
            <source>Box width; 0 uses size.</source>
            <translation>框宽度；0 使用尺寸值。</translation>
        </message>
        <message>
            <source>Height</source>
            <translation>高度</translation>
        </message>
        <message>
            <source>Box height; 0 uses size.</source>
            <translation>框高度；0 使用尺寸值。</translation>
        </message>
        <message>
            <source>Square</source>
            <translation>正方形</translation>
        </message>
        <message>
            <source>Crop the centre to a square before scaling.</source>
            <translation>缩放前将中央裁剪为正方形。</translation>
        </message>
        <message>
            <source>Enlarge</source>
            <translation>放大</translation>
        </message>
        <message>
            <source>Allow making images smaller than the box larger.</source>
            <translation>允许放大比框小的图像。</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::Trim</name>
        <message>
            <source>Trim</source>
            <translation>裁边</translation>
        </message>
        <message>
            <source>Cuts away uniform borders around the picture; an image that is all border is left as it is.</source>
            <translation>切除图片周围的均匀边框；全部为边框的图像保持不变。</translation>
        </message>
        <message>
            <source>Tolerance</source>
            <translation>容差</translation>
        </message>
        <message>
            <source>How far (0..255, in any channel) a pixel may be from the border colour and still count as border. Raise it to about 25 for frames saved as JPEG; high values cut into flat skies and dark edges.</source>
            <translation>像素与边框颜色相差多少（0..255，任一通道）时仍算作边框。对于保存为 JPEG 的边框，请提高到约 25；值过高会切入平坦的天空和暗边。</translation>
        </message>
        <message>
            <source>Border colour</source>
            <translation>边框颜色</translation>
        </message>
        <message>
            <source>The colour to cut away (#rrggbb, a name, or transparent); empty or auto takes the colour most corners share (the top-left pixel&apos;s when no two agree).</source>
            <translation>要切除的颜色（#rrggbb、颜色名称或 transparent）；留空或 auto 取多数角落共有的颜色（没有两个角一致时取左上角像素的颜色）。</translation>
        </message>
        <message>
            <source>Margin</source>
            <translation>边距</translation>
        </message>
        <message>
            <source>Pixels of border to keep around the picture.</source>
            <translation>在图片周围保留的边框像素数。</translation>
        </message>
        <message>
            <source>parameter &apos;color&apos;: &apos;%1&apos; is not a colour (allowed: empty or auto to detect it from the corners, #rrggbb, #rrggbbaa or a colour name)</source>
            <translation>参数“color”：“%1”不是颜色（允许：留空或 auto 以从角落检测、#rrggbb、#rrggbbaa 或颜色名称）</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::WatermarkImage</name>
        <message>
            <source>image: the watermark file %1 does not exist</source>
            <translation>image：水印文件 %1 不存在</translation>
        </message>
        <message>
            <source>image: cannot use the watermark: %1</source>
            <translation>image：无法使用该水印：%1</translation>
        </message>
        <message>
            <source>Image watermark</source>
            <translation>图片水印</translation>
        </message>
        <message>
            <source>Lays a logo (a PNG with transparency) over the photo, in a corner or tiled over all of it.</source>
            <translation>将徽标（带透明度的 PNG）叠加到照片上，放在角落或平铺满整张照片。</translation>
        </message>
        <message>
            <source>Watermark image</source>
            <translation>水印图片</translation>
        </message>
        <message>
            <source>The logo to lay over the photo: a PNG with transparency, or any image.</source>
            <translation>叠加到照片上的徽标：带透明度的 PNG 或任意图像。</translation>
        </message>
        <message>
            <source>Scale</source>
            <translation>缩放</translation>
        </message>
        <message>
            <source>Width of the watermark as a percentage of the photo&apos;s width.</source>
            <translation>水印宽度占照片宽度的百分比。</translation>
        </message>
        <message>
            <source>Opacity</source>
            <translation>不透明度</translation>
        </message>
        <message>
            <source>0 is invisible, 1 as opaque as the logo itself.</source>
            <translation>0 为不可见，1 与徽标本身一样不透明。</translation>
        </message>
        <message>
            <source>Position</source>
            <translation>位置</translation>
        </message>
        <message>
            <source>Where the watermark goes: a corner, an edge or the centre.</source>
            <translation>水印的位置：角落、边缘或中央。</translation>
        </message>
        <message>
            <source>Margin</source>
            <translation>边距</translation>
        </message>
        <message>
            <source>Distance from the edges as a percentage of the photo&apos;s shorter side; with tiled, the gap between copies (at least half the watermark&apos;s height).</source>
            <translation>与边缘的距离，占照片短边的百分比；平铺时为副本之间的间距（至少为水印高度的一半）。</translation>
        </message>
        <message>
            <source>Tiled</source>
            <translation>平铺</translation>
        </message>
        <message>
            <source>Repeat the watermark over the whole photo in staggered rows.</source>
            <translation>以交错的行在整张照片上重复水印。</translation>
        </message>
        <message>
            <source>image: no watermark file given</source>
            <translation>image：未指定水印文件</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::WatermarkText</name>
        <message>
            <source>Text watermark</source>
            <translation>文字水印</translation>
        </message>
        <message>
            <source>Writes text such as a copyright notice over the photo, in a corner or tiled over all of it.</source>
            <translation>在照片上写入版权声明等文字，放在角落或平铺满整张照片。</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>文字</translation>
        </message>
        <message>
            <source>What to write; \n starts a new line.</source>
            <translation>要写入的内容；\n 开始新的一行。</translation>
        </message>
        <message>
            <source>Font</source>
            <translation>字体</translation>
        </message>
        <message>
            <source>Font family, optionally with a style (&quot;DejaVu Sans Bold&quot;), or the path of a .ttf/.otf file.</source>
            <translation>字体族，可附带样式（“DejaVu Sans Bold”），或 .ttf/.otf 文件的路径。</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <source>Height of the letters as a percentage of the photo&apos;s shorter side.</source>
            <translation>字母高度占照片短边的百分比。</translation>
        </message>
        <message>
            <source>Colour</source>
            <translation>颜色</translation>
        </message>
        <message>
            <source>Colour of the text.</source>
            <translation>文字颜色。</translation>
        </message>
        <message>
            <source>Opacity</source>
            <translation>不透明度</translation>
        </message>
        <message>
            <source>0 is invisible, 1 fully opaque.</source>
            <translation>0 为不可见，1 为完全不透明。</translation>
        </message>
        <message>
            <source>Position</source>
            <translation>位置</translation>
        </message>
        <message>
            <source>Where the text goes: a corner, an edge or the centre.</source>
            <translation>文字的位置：角落、边缘或中央。</translation>
        </message>
        <message>
            <source>Margin</source>
            <translation>边距</translation>
        </message>
        <message>
            <source>Distance from the edges as a percentage of the photo&apos;s shorter side; with tiled, the gap between copies (at least the text&apos;s height).</source>
            <translation>与边缘的距离，占照片短边的百分比；平铺时为副本之间的间距（至少为文字高度）。</translation>
        </message>
        <message>
            <source>Tiled</source>
            <translation>平铺</translation>
        </message>
        <message>
            <source>Repeat the text over the whole photo in staggered rows, which follow the angle.</source>
            <translation>以随角度倾斜的交错行在整张照片上重复文字。</translation>
        </message>
        <message>
            <source>Shadow</source>
            <translation>阴影</translation>
        </message>
        <message>
            <source>Strength of a soft dark shadow under the text, which keeps light text readable on light parts of the photo; 0 for none.</source>
            <translation>文字下方柔和深色阴影的强度，使浅色文字在照片的明亮部分仍清晰可读；0 表示无阴影。</translation>
        </message>
        <message>
            <source>Angle</source>
            <translation>角度</translation>
        </message>
        <message>
            <source>Counter-clockwise rotation of the text; 30 to 45 suits tiled watermarks.</source>
            <translation>文字的逆时针旋转角度；平铺水印适合 30 到 45 度。</translation>
        </message>
        <message>
            <source>text: nothing to write; give the watermark text</source>
            <translation>text：没有要写入的内容；请提供水印文字</translation>
        </message>
        <message>
            <source>font: give a font family (for example DejaVu Sans) or a font file</source>
            <translation>font：请指定字体族（例如 DejaVu Sans）或字体文件</translation>
        </message>
        <message>
            <source>font &apos;%1&apos; not found (looked for a font file of that name or family in %2)</source>
            <translation>找不到字体“%1”（已在 %2 中查找该名称或字体族的字体文件）</translation>
        </message>
        <message>
            <source>font &apos;%1&apos;: cannot load the font file %2</source>
            <translation>字体“%1”：无法加载字体文件 %2</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::WhiteBalance</name>
        <message>
            <source>White balance</source>
            <translation>白平衡</translation>
        </message>
        <message>
            <source>Removes a colour cast so that neutral tones look neutral.</source>
            <translation>去除色偏，使中性色调看起来是中性的。</translation>
        </message>
        <message>
            <source>Method</source>
            <translation>方法</translation>
        </message>
        <message>
            <source>gray-world makes the average colour neutral; auto estimates the light source with OpenCV&apos;s learning-based model.</source>
            <translation>灰度世界法使平均颜色变为中性；自动法使用 OpenCV 基于学习的模型估计光源。</translation>
        </message>
        <message>
            <source>Saturation threshold</source>
            <translation>饱和度阈值</translation>
        </message>
        <message>
            <source>gray-world only: pixels more saturated than this (0..1) are left out of the average.</source>
            <translation>仅用于灰度世界法：饱和度高于此值（0..1）的像素不计入平均值。</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::colorize</name>
        <message>
            <source>cannot read %1: %2</source>
            <translation>无法读取 %1：%2</translation>
        </message>
        <message>
            <source>not a NumPy .npy file (it does not start with \x93NUMPY)</source>
            <translation>不是 NumPy .npy 文件（开头不是 \x93NUMPY）</translation>
        </message>
        <message>
            <source>the .npy header is truncated</source>
            <translation>.npy 文件头被截断</translation>
        </message>
        <message>
            <source>unsupported .npy format version %1</source>
            <translation>不支持的 .npy 格式版本 %1</translation>
        </message>
        <message>
            <source>the .npy header is malformed (expected &apos;descr&apos;, &apos;fortran_order&apos; and &apos;shape&apos;): %1</source>
            <translation>.npy 文件头格式错误（应包含“descr”、“fortran_order”和“shape”）：%1</translation>
        </message>
        <message>
            <source>unsupported .npy element type &apos;%1&apos; (little-endian float32, float64, int32 or int64 expected)</source>
            <translation>不支持的 .npy 元素类型“%1”（应为小端序 float32、float64、int32 或 int64）</translation>
        </message>
        <message>
            <source>the .npy shape (%1) is not a valid size</source>
            <translation>.npy 形状 (%1) 不是有效的尺寸</translation>
        </message>
        <message>
            <source>the .npy data holds %1 bytes, but shape (%2) of &apos;%3&apos; needs %4</source>
            <translation>.npy 数据有 %1 字节，但“%3”的形状 (%2) 需要 %4 字节</translation>
        </message>
        <message>
            <source>the .npy data holds a value that is not a finite number</source>
            <translation>.npy 数据中有一个不是有限数的值</translation>
        </message>
        <message>
            <source>the colorization model (Zhang et al. 2016) is not installed: the folder %1 has no %2; set model-dir or PIXQUEUE_COLORIZE_MODEL_DIR to the folder holding these files</source>
            <translation>上色模型（Zhang 等人，2016）未安装：文件夹 %1 中没有 %2；请将 model-dir 或 PIXQUEUE_COLORIZE_MODEL_DIR 设置为包含这些文件的文件夹</translation>
        </message>
        <message>
            <source>the colorization model (Zhang et al. 2016) is incomplete: the folder %1 has no %2; set model-dir or PIXQUEUE_COLORIZE_MODEL_DIR to a folder holding all of %3</source>
            <translation>上色模型（Zhang 等人，2016）不完整：文件夹 %1 中没有 %2；请将 model-dir 或 PIXQUEUE_COLORIZE_MODEL_DIR 设置为包含全部 %3 的文件夹</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1：%2</translation>
        </message>
        <message>
            <source>%1 holds an array of shape (%2); the 313 ab cluster centres, shape (313, 2), are expected</source>
            <translation>%1 包含形状为 (%2) 的数组；应为 313 个 ab 聚类中心，形状 (313, 2)</translation>
        </message>
        <message>
            <source>cannot load the colorization model from %1 (%2, %3): %4</source>
            <translation>无法从 %1 加载上色模型（%2，%3）：%4</translation>
        </message>
        <message>
            <source>%1 is not the Zhang et al. colorization network: it has no layer &apos;%2&apos;</source>
            <translation>%1 不是 Zhang 等人的上色网络：它没有“%2”层</translation>
        </message>
        <message>
            <source>the reference photo %1 does not exist</source>
            <translation>参考照片 %1 不存在</translation>
        </message>
        <message>
            <source>cannot read the reference photo %1: %2</source>
            <translation>无法读取参考照片 %1：%2</translation>
        </message>
        <message>
            <source>the reference photo %1 has no colour to transfer (mean chroma %2)</source>
            <translation>参考照片 %1 没有可迁移的颜色（平均色度 %2）</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::geometry</name>
        <message>
            <source>the result would be %1x%2 pixels, more than PixQueue handles (65535 pixels a side, 268 megapixels)</source>
            <translation>结果将是 %1x%2 像素，超出 PixQueue 的处理能力（每边 65535 像素，2.68 亿像素）</translation>
        </message>
    </context>
    <context>
        <name>pq::ops::retouch</name>
        <message>
            <source>the OpenCV cascade file %1 was not found in %2; install OpenCV&apos;s data files (Debian/Ubuntu package opencv-data) or set PIXQUEUE_CASCADE_DIR to the folder that holds it</source>
            <translation>在 %2 中找不到 OpenCV 级联文件 %1；请安装 OpenCV 数据文件（Debian/Ubuntu 软件包 opencv-data），或将 PIXQUEUE_CASCADE_DIR 设置为包含该文件的文件夹</translation>
        </message>
        <message>
            <source>the OpenCV cascade file %1 could not be read; reinstall OpenCV&apos;s data files (Debian/Ubuntu package opencv-data)</source>
            <translation>无法读取 OpenCV 级联文件 %1；请重新安装 OpenCV 数据文件（Debian/Ubuntu 软件包 opencv-data）</translation>
        </message>
    </context>
    <context>
        <name>pq::preview</name>
        <message>
            <source>cannot scale %1 down for the preview: %2</source>
            <translation>无法为预览缩小 %1：%2</translation>
        </message>
        <message>
            <source>%1: &apos;%2&apos; is %3 px, which is %4 px at the preview&apos;s scale; the preview uses %5 px, so this step is only approximate.</source>
            <translation>%1：“%2”为 %3 px，按预览比例为 %4 px；预览使用 %5 px，因此此步骤仅为近似效果。</translation>
        </message>
        <message>
            <source>%1 could not be read</source>
            <translation>无法读取 %1</translation>
        </message>
        <message>
            <source>Step %1: unknown operation &apos;%2&apos;, skipped.</source>
            <translation>步骤 %1：未知操作“%2”，已跳过。</translation>
        </message>
        <message>
            <source>Step %1 (%2) is not run in the preview.</source>
            <translation>步骤 %1（%2）不在预览中运行。</translation>
        </message>
        <message>
            <source>Step %1 (%2) is skipped: %3</source>
            <translation>步骤 %1（%2）已跳过：%3</translation>
        </message>
        <message>
            <source>Step %1 (%2) failed: %3</source>
            <translation>步骤 %1（%2）失败：%3</translation>
        </message>
        <message>
            <source>The preview failed: %1</source>
            <translation>预览失败：%1</translation>
        </message>
        <message>
            <source>The preview failed: out of memory</source>
            <translation>预览失败：内存不足</translation>
        </message>
    </context>
    <context>
        <name>pq::remote</name>
        <message>
            <source>CMQ %1 failed: %2 (code %3)</source>
            <translation>CMQ %1 失败：%2（错误码 %3）</translation>
        </message>
        <message>
            <source>CMQ %1: unexpected answer from the server: %2</source>
            <translation>CMQ %1：服务器返回了意外的响应：%2</translation>
        </message>
        <message>
            <source>%1: the keychain did not answer</source>
            <translation>%1：钥匙串没有响应</translation>
        </message>
        <message>
            <source>%1: %2 (keychain error %3)</source>
            <translation>%1：%2（钥匙串错误 %3）</translation>
        </message>
        <message>
            <source>%1 is not a valid http(s) address</source>
            <translation>%1 不是有效的 http(s) 地址</translation>
        </message>
        <message>
            <source>refusing plain http to %1: use https (http is allowed only for loopback addresses such as 127.0.0.1)</source>
            <translation>拒绝以明文 http 连接 %1：请使用 https（仅 127.0.0.1 等环回地址允许使用 http）</translation>
        </message>
        <message>
            <source>no answer from %1 within %2 s</source>
            <translation>%1 在 %2 秒内没有响应</translation>
        </message>
        <message>
            <source>%1 failed: %2</source>
            <translation>%1 失败：%2</translation>
        </message>
        <message>
            <source>&apos;%1&apos; is not an absolute URL</source>
            <translation>“%1”不是绝对 URL</translation>
        </message>
        <message>
            <source>the URL carries a user name or password</source>
            <translation>URL 中包含用户名或密码</translation>
        </message>
        <message>
            <source>the URL %1 does not point at the configured storage %2</source>
            <translation>URL %1 未指向所配置的存储 %2</translation>
        </message>
        <message>
            <source>the request has %1 bytes, more than the limit of %2</source>
            <translation>请求有 %1 字节，超过了 %2 字节的上限</translation>
        </message>
        <message>
            <source>the request is not a JSON object</source>
            <translation>请求不是 JSON 对象</translation>
        </message>
        <message>
            <source>the message is not a PixQueue offload request</source>
            <translation>该消息不是 PixQueue 外包请求</translation>
        </message>
        <message>
            <source>unsupported request version %1 (this worker reads version %2)</source>
            <translation>不支持的请求版本 %1（此工作进程读取版本 %2）</translation>
        </message>
        <message>
            <source>the request has no valid job id</source>
            <translation>请求中没有有效的任务 ID</translation>
        </message>
        <message>
            <source>the request&apos;s origin is missing or longer than %1 characters</source>
            <translation>请求的来源（“origin”）缺失或超过 %1 个字符</translation>
        </message>
        <message>
            <source>the request has no recipe</source>
            <translation>请求中没有配方</translation>
        </message>
        <message>
            <source>the recipe has more than %1 steps</source>
            <translation>配方超过 %1 个步骤</translation>
        </message>
        <message>
            <source>the recipe is invalid: %1</source>
            <translation>配方无效：%1</translation>
        </message>
        <message>
            <source>the request&apos;s %1 URL is missing or too long</source>
            <translation>请求中的 %1 URL 缺失或过长</translation>
        </message>
        <message>
            <source>%1 URL refused: %2</source>
            <translation>%1 URL 被拒绝：%2</translation>
        </message>
        <message>
            <source>the request&apos;s output content type is missing or invalid</source>
            <translation>请求中的输出内容类型缺失或无效</translation>
        </message>
        <message>
            <source>the request&apos;s output suffix is missing or invalid</source>
            <translation>请求中的输出文件扩展名缺失或无效</translation>
        </message>
        <message>
            <source>the response is larger than %1 bytes</source>
            <translation>响应超过 %1 字节</translation>
        </message>
        <message>
            <source>the response is not a JSON object</source>
            <translation>响应不是 JSON 对象</translation>
        </message>
        <message>
            <source>the message is not a PixQueue offload response</source>
            <translation>该消息不是 PixQueue 外包响应</translation>
        </message>
        <message>
            <source>unsupported response version</source>
            <translation>不支持的响应版本</translation>
        </message>
        <message>
            <source>the response has no valid job id</source>
            <translation>响应中没有有效的任务 ID</translation>
        </message>
        <message>
            <source>the response&apos;s status &apos;%1&apos; is not done, failed or retrying</source>
            <translation>响应的状态“%1”不是 done、failed 或 retrying</translation>
        </message>
        <message>
            <source>%1 &apos;%2&apos; is not a URL</source>
            <translation>%1“%2”不是 URL</translation>
        </message>
        <message>
            <source>%1 must use https (plain http is allowed only for 127.0.0.1/localhost)</source>
            <translation>%1必须使用 https（仅 127.0.0.1/localhost 允许使用明文 http）</translation>
        </message>
        <message>
            <source>✗ %1: %2</source>
            <translation>✗ %1：%2</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1：%2</translation>
        </message>
        <message>
            <source>✓ %1</source>
            <translation>✓ %1</translation>
        </message>
        <message>
            <source>settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <source>credentials</source>
            <translation>凭据</translation>
        </message>
        <message>
            <source>no access key id or secret is stored</source>
            <translation>未保存访问密钥 ID 或密钥</translation>
        </message>
        <message>
            <source>request queue</source>
            <translation>请求队列</translation>
        </message>
        <message>
            <source>response queue</source>
            <translation>响应队列</translation>
        </message>
        <message>
            <source>dead-letter queue</source>
            <translation>死信队列</translation>
        </message>
        <message>
            <source>%1 %2</source>
            <translation>%1 %2</translation>
        </message>
        <message>
            <source>sending a probe message</source>
            <translation>发送探测消息</translation>
        </message>
        <message>
            <source>receiving the probe message</source>
            <translation>接收探测消息</translation>
        </message>
        <message>
            <source>the message sent did not come back within 20 s</source>
            <translation>发送的消息未在 20 秒内返回</translation>
        </message>
        <message>
            <source>probe message sent and received</source>
            <translation>探测消息已发送并接收</translation>
        </message>
        <message>
            <source>writing to bucket %1</source>
            <translation>写入存储桶 %1</translation>
        </message>
        <message>
            <source>reading from bucket %1</source>
            <translation>读取存储桶 %1</translation>
        </message>
        <message>
            <source>the object read differs from the one written</source>
            <translation>读取的对象与写入的不一致</translation>
        </message>
        <message>
            <source>deleting from bucket %1</source>
            <translation>从存储桶 %1 删除</translation>
        </message>
        <message>
            <source>bucket %1 writable, readable and deletable</source>
            <translation>存储桶 %1 可写入、可读取、可删除</translation>
        </message>
        <message>
            <source>%1: the storage answered HTTP %2</source>
            <translation>%1：存储返回了 HTTP %2</translation>
        </message>
        <message>
            <source>HTTP status %1</source>
            <translation>HTTP 状态码 %1</translation>
        </message>
        <message>
            <source>SQS %1 failed: %2 (%3)</source>
            <translation>SQS %1 失败：%2（%3）</translation>
        </message>
        <message>
            <source>SQS %1: unexpected answer from the server: %2</source>
            <translation>SQS %1：服务器返回了意外的响应：%2</translation>
        </message>
    </context>
    <context>
        <name>pq::remote::CmqQueue</name>
        <message>
            <source>CMQ %1</source>
            <translation>CMQ %1</translation>
        </message>
        <message>
            <source>CMQ %1: no secret id and secret key are configured</source>
            <translation>CMQ %1：未配置 SecretId 和 SecretKey</translation>
        </message>
        <message>
            <source>no msgId</source>
            <translation>缺少 msgId</translation>
        </message>
        <message>
            <source>CMQ cannot extend a message&apos;s visibility timeout</source>
            <translation>CMQ 无法延长消息的可见性超时</translation>
        </message>
    </context>
    <context>
        <name>pq::remote::CredentialStore</name>
        <message>
            <source>cannot save the %1 credentials in the keychain</source>
            <translation>无法将 %1 的凭据保存到钥匙串</translation>
        </message>
        <message>
            <source>cannot read the %1 credentials from the keychain</source>
            <translation>无法从钥匙串读取 %1 的凭据</translation>
        </message>
        <message>
            <source>no %1 credentials are saved in the keychain</source>
            <translation>钥匙串中没有保存 %1 的凭据</translation>
        </message>
        <message>
            <source>the %1 credentials in the keychain are incomplete; save them again</source>
            <translation>钥匙串中 %1 的凭据不完整；请重新保存</translation>
        </message>
        <message>
            <source>cannot delete the %1 credentials from the keychain</source>
            <translation>无法从钥匙串删除 %1 的凭据</translation>
        </message>
    </context>
    <context>
        <name>pq::remote::ObjectStore</name>
        <message>
            <source>%1: no access key id and secret are configured</source>
            <translation>%1：未配置访问密钥 ID 和密钥</translation>
        </message>
        <message>
            <source>HTTP status %1</source>
            <translation>HTTP 状态码 %1</translation>
        </message>
        <message>
            <source>%1 failed: %2 (%3)</source>
            <translation>%1 失败：%2（%3）</translation>
        </message>
        <message>
            <source>S3 CreateBucket %1</source>
            <translation>S3 CreateBucket %1</translation>
        </message>
        <message>
            <source>S3 PutObject %1/%2</source>
            <translation>S3 PutObject %1/%2</translation>
        </message>
        <message>
            <source>S3 GetObject %1/%2</source>
            <translation>S3 GetObject %1/%2</translation>
        </message>
        <message>
            <source>S3 HeadObject %1/%2</source>
            <translation>S3 HeadObject %1/%2</translation>
        </message>
        <message>
            <source>S3 DeleteObject %1/%2</source>
            <translation>S3 DeleteObject %1/%2</translation>
        </message>
    </context>
    <context>
        <name>pq::remote::OffloadBridge</name>
        <message>
            <source>waiting for the offload service: %1</source>
            <translation>正在等待外包服务：%1</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1：%2</translation>
        </message>
        <message>
            <source>cannot read the input %1</source>
            <translation>无法读取输入 %1</translation>
        </message>
        <message>
            <source>checking the bucket</source>
            <translation>检查存储桶</translation>
        </message>
        <message>
            <source>cannot read the input %1: %2</source>
            <translation>无法读取输入 %1：%2</translation>
        </message>
        <message>
            <source>uploading the input</source>
            <translation>上传输入文件</translation>
        </message>
        <message>
            <source>the request would be larger than the queue&apos;s limit of %1 bytes</source>
            <translation>请求将超过队列 %1 字节的上限</translation>
        </message>
        <message>
            <source>sending the request</source>
            <translation>发送请求</translation>
        </message>
        <message>
            <source>receiving answers: %1</source>
            <translation>接收答复：%1</translation>
        </message>
        <message>
            <source>cannot delete an answer: %1</source>
            <translation>无法删除一条答复：%1</translation>
        </message>
        <message>
            <source>dropping a message that is not an answer: %1</source>
            <translation>丢弃一条不是答复的消息：%1</translation>
        </message>
        <message>
            <source>a remote worker</source>
            <translation>某个远程工作进程</translation>
        </message>
        <message>
            <source>%1 could not finish it and will retry: %2</source>
            <translation>%1 未能完成，将重试：%2</translation>
        </message>
        <message>
            <source>remote worker %1: %2</source>
            <translation>远程工作进程 %1：%2</translation>
        </message>
        <message>
            <source>cannot download the output of %1: %2</source>
            <translation>无法下载 %1 的输出：%2</translation>
        </message>
        <message numerus="yes">
            <source>no answer from the remote workers within %n minute(s).</source>
            <translation>
                <numerusform>远程工作进程在 %n 分钟内没有答复。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>the request reached the dead-letter queue after %n receive(s) without an answer: the remote workers could not process it.</source>
            <translation>
                <numerusform>请求被接收 %n 次后仍无答复，已进入死信队列：远程工作进程无法处理它。</numerusform>
            </translation>
        </message>
        <message>
            <source>Last error: %1</source>
            <translation>最后一次错误：%1</translation>
        </message>
    </context>
    <context>
        <name>pq::remote::OffloadCredentials</name>
        <message>
            <source>set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY</source>
            <translation>请设置 TENCENTCLOUD_SECRET_ID 和 TENCENTCLOUD_SECRET_KEY</translation>
        </message>
        <message>
            <source>set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary credentials)</source>
            <translation>请设置 AWS_ACCESS_KEY_ID 和 AWS_SECRET_ACCESS_KEY（使用临时凭据时还需设置 AWS_SESSION_TOKEN）</translation>
        </message>
    </context>
    <context>
        <name>pq::remote::OffloadSettings</name>
        <message>
            <source>the provider must be sqs or cmq, not &apos;%1&apos;</source>
            <translation>服务提供商必须是 sqs 或 cmq，而不是“%1”</translation>
        </message>
        <message>
            <source>the region is missing</source>
            <translation>缺少地域</translation>
        </message>
        <message>
            <source>the CMQ endpoint is missing (copy it from the TDMQ console)</source>
            <translation>缺少 CMQ 接入地址（请从 TDMQ 控制台复制）</translation>
        </message>
        <message>
            <source>the queue endpoint</source>
            <translation>队列服务地址</translation>
        </message>
        <message>
            <source>the request and response queues are required</source>
            <translation>必须填写请求队列和响应队列</translation>
        </message>
        <message>
            <source>the request and response queues must differ</source>
            <translation>请求队列和响应队列不能相同</translation>
        </message>
        <message>
            <source>the bucket is missing</source>
            <translation>缺少存储桶</translation>
        </message>
        <message>
            <source>the storage endpoint is missing</source>
            <translation>缺少存储服务地址</translation>
        </message>
        <message>
            <source>the storage endpoint</source>
            <translation>存储服务地址</translation>
        </message>
        <message numerus="yes">
            <source>%1 %2 reachable (%n message(s) waiting)</source>
            <translation>
                <numerusform>%1 %2 可访问（%n 条消息等待中）</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>pq::remote::RemoteWorker</name>
        <message>
            <source>cannot receive requests: %1</source>
            <translation>无法接收请求：%1</translation>
        </message>
        <message>
            <source>cannot send the response: %1</source>
            <translation>无法发送响应：%1</translation>
        </message>
        <message>
            <source>job %1: cannot delete the request: %2</source>
            <translation>任务 %1：无法删除请求：%2</translation>
        </message>
        <message>
            <source>dropping a message that names no job: %1</source>
            <translation>丢弃一条未指明任务的消息：%1</translation>
        </message>
        <message>
            <source>cannot delete the message: %1</source>
            <translation>无法删除该消息：%1</translation>
        </message>
        <message>
            <source>invalid request: %1</source>
            <translation>无效请求：%1</translation>
        </message>
        <message>
            <source>cannot create a temporary folder: %1</source>
            <translation>无法创建临时文件夹：%1</translation>
        </message>
        <message>
            <source>downloading the input</source>
            <translation>下载输入文件</translation>
        </message>
        <message>
            <source>the input has %1 bytes, more than the limit of %2</source>
            <translation>输入有 %1 字节，超过了 %2 字节的上限</translation>
        </message>
        <message>
            <source>the worker is stopping</source>
            <translation>工作进程正在停止</translation>
        </message>
        <message>
            <source>cannot write the input to %1: %2</source>
            <translation>无法将输入写入 %1：%2</translation>
        </message>
        <message>
            <source>cannot read the output: %1</source>
            <translation>无法读取输出：%1</translation>
        </message>
        <message>
            <source>uploading the output</source>
            <translation>上传输出文件</translation>
        </message>
    </context>
    <context>
        <name>pq::remote::SqsQueue</name>
        <message>
            <source>SQS %1</source>
            <translation>SQS %1</translation>
        </message>
        <message>
            <source>SQS %1: no access key id and secret are configured</source>
            <translation>SQS %1：未配置访问密钥 ID 和密钥</translation>
        </message>
        <message>
            <source>no QueueArn</source>
            <translation>缺少 QueueArn</translation>
        </message>
        <message>
            <source>no QueueUrl</source>
            <translation>缺少 QueueUrl</translation>
        </message>
        <message>
            <source>the message body&apos;s MD5 differs</source>
            <translation>消息正文的 MD5 不一致</translation>
        </message>
    </context>
    <context>
        <name>pq::remote::VisibilityHeartbeat</name>
        <message>
            <source>cannot extend a message&apos;s visibility: %1</source>
            <translation>无法延长消息的可见性：%1</translation>
        </message>
    </context>
    <context>
        <name>pq::remote::cmqanswers</name>
        <message>
            <source>CMQ %1 failed: HTTP status %2</source>
            <translation>CMQ %1 失败：HTTP 状态码 %2</translation>
        </message>
        <message>
            <source>wrong msgList size</source>
            <translation>msgList 的大小不正确</translation>
        </message>
        <message>
            <source>no activeMsgNum</source>
            <translation>缺少 activeMsgNum</translation>
        </message>
    </context>
    <context>
        <name>pq::remote::sqsanswers</name>
        <message>
            <source>the message body&apos;s MD5 differs</source>
            <translation>消息正文的 MD5 不一致</translation>
        </message>
        <message>
            <source>SQS %1 failed for entry %2: %3 (%4)</source>
            <translation>SQS %1 的条目 %2 失败：%3（%4）</translation>
        </message>
        <message>
            <source>no ApproximateNumberOfMessages</source>
            <translation>缺少 ApproximateNumberOfMessages</translation>
        </message>
    </context>
</TS>
