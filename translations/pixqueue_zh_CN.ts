<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>OffloadKeychain</name>
        <message>
            <source>%1: %2 (keychain error %3)</source>
            <translation>%1：%2（钥匙串错误 %3）</translation>
        </message>
        <message>
            <source>no %1 credentials are saved in the keychain</source>
            <translation>钥匙串中没有保存 %1 的凭据</translation>
        </message>
        <message>
            <source>cannot read the %1 credentials from the keychain</source>
            <translation>无法从钥匙串读取 %1 的凭据</translation>
        </message>
        <message>
            <source>cannot save the %1 credentials in the keychain</source>
            <translation>无法将 %1 的凭据保存到钥匙串</translation>
        </message>
        <message>
            <source>cannot delete the %1 credentials from the keychain</source>
            <translation>无法从钥匙串删除 %1 的凭据</translation>
        </message>
    </context>
    <context>
        <name>main</name>
        <message>
            <source>Batch image processing that never loses work.</source>
            <translation>从不丢失工作的批量图像处理。</translation>
        </message>
        <message>
            <source>Job database file.</source>
            <translation>任务数据库文件。</translation>
        </message>
    </context>
    <context>
        <name>pq::ui::MainWindow</name>
        <message>
            <source>The job database could not be opened: %1</source>
            <translation>无法打开任务数据库：%1</translation>
        </message>
        <message>
            <source>Add &amp;Files…</source>
            <translation>添加文件(&amp;F)…</translation>
        </message>
        <message>
            <source>Add image files to the queue (Ctrl+O)</source>
            <translation>将图像文件添加到队列 (Ctrl+O)</translation>
        </message>
        <message>
            <source>Add F&amp;older…</source>
            <translation>添加文件夹(&amp;O)…</translation>
        </message>
        <message>
            <source>Add every image in a folder and its sub-folders (Ctrl+Shift+O)</source>
            <translation>添加文件夹及其子文件夹中的所有图像 (Ctrl+Shift+O)</translation>
        </message>
        <message>
            <source>&amp;Paste Paths</source>
            <translation>粘贴路径(&amp;P)</translation>
        </message>
        <message>
            <source>Add the files and folders whose paths are on the clipboard</source>
            <translation>添加剪贴板中路径所指的文件和文件夹</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Start</source>
            <translation>开始(&amp;S)</translation>
        </message>
        <message>
            <source>Start working on the queue (Ctrl+Return)</source>
            <translation>开始处理队列 (Ctrl+Return)</translation>
        </message>
        <message>
            <source>&amp;Pause</source>
            <translation>暂停(&amp;P)</translation>
        </message>
        <message>
            <source>Pause or resume: running jobs finish, no new ones start (Space)</source>
            <translation>暂停或继续：正在运行的任务会完成，不再启动新任务（空格键）</translation>
        </message>
        <message>
            <source>&amp;Retry</source>
            <translation>重试(&amp;R)</translation>
        </message>
        <message>
            <source>Put the selected failed or cancelled jobs back in the queue</source>
            <translation>将选中的失败或已取消任务放回队列</translation>
        </message>
        <message>
            <source>Retry All &amp;Failed</source>
            <translation>重试所有失败任务(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation>取消(&amp;C)</translation>
        </message>
        <message>
            <source>Cancel the selected jobs</source>
            <translation>取消选中的任务</translation>
        </message>
        <message>
            <source>Re&amp;move</source>
            <translation>移除(&amp;M)</translation>
        </message>
        <message>
            <source>Remove the selected jobs from the queue (Delete); running jobs must be cancelled first. Output files are kept.</source>
            <translation>从队列中移除选中的任务 (Delete)；正在运行的任务需先取消。输出文件会保留。</translation>
        </message>
        <message>
            <source>C&amp;lear Finished</source>
            <translation>清除已完成(&amp;L)</translation>
        </message>
        <message>
            <source>Remove every done, failed and cancelled job from the queue. Output files are kept.</source>
            <translation>从队列中移除所有已完成、失败和已取消的任务。输出文件会保留。</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <source>Remove Jobs</source>
            <translation>移除任务</translation>
        </message>
        <message numerus="yes">
            <source>Remove %n job(s) that have not run yet?</source>
            <translation>
                <numerusform>移除 %n 个尚未运行的任务?</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Removed %n job(s).</source>
            <translation>
                <numerusform>已移除 %n 个任务。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n running job(s) kept: cancel them first.</source>
            <translation>
                <numerusform>保留了 %n 个正在运行的任务：请先取消它们。</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Open Output</source>
            <translation>打开输出(&amp;O)</translation>
        </message>
        <message>
            <source>Show in &amp;Folder</source>
            <translation>在文件夹中显示(&amp;F)</translation>
        </message>
        <message>
            <source>Copy &amp;Error</source>
            <translation>复制错误(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation>设置(&amp;S)…</translation>
        </message>
        <message>
            <source>PixQueue &amp;Help</source>
            <translation>PixQueue 帮助(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Queue</source>
            <translation>队列(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>Main</source>
            <translation>主工具栏</translation>
        </message>
        <message>
            <source>Workers:</source>
            <translation>工作线程：</translation>
        </message>
        <message>
            <source>Number of workers</source>
            <translation>工作线程数</translation>
        </message>
        <message>
            <source>How many images are processed at the same time; can change while the queue runs</source>
            <translation>同时处理的图像数量；队列运行时也可更改</translation>
        </message>
        <message>
            <source>Recipe editor</source>
            <translation>配方编辑器</translation>
        </message>
        <message>
            <source>Show:</source>
            <translation>显示：</translation>
        </message>
        <message>
            <source>Show jobs</source>
            <translation>显示的任务</translation>
        </message>
        <message>
            <source>All jobs</source>
            <translation>全部任务</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>进行中</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>失败</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>完成</translation>
        </message>
        <message>
            <source>Job queue</source>
            <translation>任务队列</translation>
        </message>
        <message>
            <source>Details of the selected job</source>
            <translation>选中任务的详细信息</translation>
        </message>
        <message>
            <source>Select a job to see its details.</source>
            <translation>选择一个任务以查看其详细信息。</translation>
        </message>
        <message>
            <source>Result of the last added files</source>
            <translation>最近添加文件的结果</translation>
        </message>
        <message>
            <source>Jobs per state</source>
            <translation>各状态的任务数</translation>
        </message>
        <message>
            <source>Speed and time left</source>
            <translation>速度和剩余时间</translation>
        </message>
        <message>
            <source>Overall progress</source>
            <translation>总体进度</translation>
        </message>
        <message>
            <source>PixQueue Help</source>
            <translation>PixQueue 帮助</translation>
        </message>
        <message>
            <source>&lt;p&gt;Drop image files or folders anywhere on the window, or use Add Files (Ctrl+O) and Add Folder (Ctrl+Shift+O). Each image becomes one job per checked recipe or preset.&lt;/p&gt;&lt;p&gt;Start the queue with Ctrl+Return; Space pauses and resumes. Failed jobs show their reason; right-click them to retry.&lt;/p&gt;&lt;p&gt;The queue is saved: closing the window never loses work.&lt;/p&gt;</source>
            <translation>&lt;p&gt;将图像文件或文件夹拖放到窗口的任意位置，或使用“添加文件”(Ctrl+O) 和“添加文件夹”(Ctrl+Shift+O)。每张图像针对每个勾选的配方或预设生成一个任务。&lt;/p&gt;&lt;p&gt;按 Ctrl+Return 开始处理队列；空格键暂停和继续。失败的任务会显示原因；右键单击即可重试。&lt;/p&gt;&lt;p&gt;队列会被保存：关闭窗口绝不会丢失工作。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Add Files</source>
            <translation>添加文件</translation>
        </message>
        <message>
            <source>Add Folder</source>
            <translation>添加文件夹</translation>
        </message>
        <message>
            <source>Choose an output folder first.</source>
            <translation>请先选择输出文件夹。</translation>
        </message>
        <message numerus="yes">
            <source>Adding %n item(s)…</source>
            <translation>
                <numerusform>正在添加 %n 项…</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1（%2）</translation>
        </message>
        <message>
            <source>Could not add the files: %1</source>
            <translation>无法添加文件：%1</translation>
        </message>
        <message numerus="yes">
            <source>Added %n job(s).</source>
            <translation>
                <numerusform>已添加 %n 个任务。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n output(s) already existed and were skipped.</source>
            <translation>
                <numerusform>%n 个输出已存在，已跳过。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Skipped %n file(s): %1</source>
            <translation>
                <numerusform>跳过了 %n 个文件：%1</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Resume</source>
            <translation>继续(&amp;R)</translation>
        </message>
        <message>
            <source>Input: %1</source>
            <translation>输入：%1</translation>
        </message>
        <message>
            <source>Output: %1</source>
            <translation>输出：%1</translation>
        </message>
        <message>
            <source>State: %1, attempt %2 of %3</source>
            <translation>状态：%1，第 %2 次尝试（共 %3 次）</translation>
        </message>
        <message>
            <source>Error: %1</source>
            <translation>错误：%1</translation>
        </message>
        <message>
            <source>Queued %1 · Running %2 · Done %3 · Failed %4 · Cancelled %5</source>
            <translation>排队 %1 · 运行 %2 · 完成 %3 · 失败 %4 · 已取消 %5</translation>
        </message>
        <message>
            <source>%1 of %2 finished, %3 failed</source>
            <translation>已结束 %1 / %2，失败 %3</translation>
        </message>
        <message>
            <source>%1 of %2 finished</source>
            <translation>已结束 %1 / %2</translation>
        </message>
        <message>
            <source>%1 images/s, %2 left</source>
            <translation>%1 张/秒，剩余 %2</translation>
        </message>
        <message>
            <source>%1 images/s</source>
            <translation>%1 张/秒</translation>
        </message>
        <message>
            <source>Batch finished: %1 done, %2 failed.</source>
            <translation>批处理结束：%1 个完成，%2 个失败。</translation>
        </message>
        <message>
            <source>Images (%1)</source>
            <translation>图像 (%1)</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>所有文件 (*)</translation>
        </message>
        <message>
            <source>Off&amp;load</source>
            <translation>外包(&amp;L)</translation>
        </message>
        <message>
            <source>Send the next files added to remote workers instead of processing them here (set up in Settings → Offload)</source>
            <translation>将接下来添加的文件发送给远程工作进程处理，而不是在本机处理（在“设置 → 外包”中配置）</translation>
        </message>
        <message>
            <source>Offload status</source>
            <translation>外包状态</translation>
        </message>
        <message numerus="yes">
            <source>Added %n job(s) for remote workers.</source>
            <translation>
                <numerusform>已为远程工作进程添加 %n 个任务。</numerusform>
            </translation>
        </message>
        <message>
            <source>Processed by remote workers (offload)</source>
            <translation>由远程工作进程处理（外包）</translation>
        </message>
        <message>
            <source>Offloaded %1</source>
            <translation>已外包 %1</translation>
        </message>
    </context>
    <context>
        <name>pq::ui::OffloadController</name>
        <message>
            <source>Offload is not set up: %1. Open Settings → Offload.</source>
            <translation>外包尚未配置：%1。请打开“设置 → 外包”。</translation>
        </message>
        <message>
            <source>Stopping the offload…</source>
            <translation>正在停止外包…</translation>
        </message>
        <message>
            <source>Offload: connecting…</source>
            <translation>外包：正在连接…</translation>
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
            <source>%1 %2: %3</source>
            <translation>%1 %2：%3</translation>
        </message>
        <message>
            <source>Offload cannot connect: %1 (trying again in %2 s)</source>
            <translation>外包无法连接：%1（%2 秒后重试）</translation>
        </message>
        <message>
            <source>Offload connection problem: %1 (trying again in %2 s)</source>
            <translation>外包连接问题：%1（%2 秒后重试）</translation>
        </message>
        <message>
            <source>Offload: %1 sent, %2 answered</source>
            <translation>外包：已发送 %1 个，已返回 %2 个</translation>
        </message>
    </context>
    <context>
        <name>pq::ui::ParamForm</name>
        <message>
            <source>%1 slider</source>
            <translation>%1 滑块</translation>
        </message>
        <message>
            <source>Operation parameters</source>
            <translation>操作参数</translation>
        </message>
        <message>
            <source>Select an operation to edit its parameters.</source>
            <translation>选择一个操作以编辑其参数。</translation>
        </message>
        <message>
            <source>WxH+X+Y, separated by spaces</source>
            <translation>宽x高+X+Y，以空格分隔</translation>
        </message>
        <message>
            <source>Pick…</source>
            <translation>选取…</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <source>Pick a colour for %1</source>
            <translation>为 %1 选取颜色</translation>
        </message>
        <message>
            <source>Choose a file for %1</source>
            <translation>为 %1 选择文件</translation>
        </message>
    </context>
    <context>
        <name>pq::ui::PreviewPane</name>
        <message>
            <source>Preview</source>
            <translation>预览</translation>
        </message>
        <message>
            <source>Side by side</source>
            <translation>并排显示</translation>
        </message>
        <message>
            <source>Show before and after next to each other instead of split by a divider</source>
            <translation>将处理前和处理后并排显示，而不是用分隔线分开</translation>
        </message>
        <message>
            <source>Clear regions</source>
            <translation>清除区域</translation>
        </message>
        <message>
            <source>Remove the rectangles drawn for the selected step</source>
            <translation>删除为所选步骤绘制的矩形</translation>
        </message>
        <message>
            <source>Before and after preview</source>
            <translation>处理前后对比预览</translation>
        </message>
        <message>
            <source>Drag the divider or use the arrow keys to compare before and after.</source>
            <translation>拖动分隔线或使用方向键对比处理前和处理后。</translation>
        </message>
        <message>
            <source>Preview status</source>
            <translation>预览状态</translation>
        </message>
        <message>
            <source>Select a job or add images to see a preview.</source>
            <translation>选择一个任务或添加图片以查看预览。</translation>
        </message>
        <message>
            <source>Rendering the preview…</source>
            <translation>正在生成预览…</translation>
        </message>
        <message>
            <source>Showing the selected step only: drag on the image to mark each eye.</source>
            <translation>仅显示所选步骤：在图像上拖动以框出每只眼睛。</translation>
        </message>
        <message>
            <source>Showing the selected step only: drag on the image to mark each mouth.</source>
            <translation>仅显示所选步骤：在图像上拖动以框出每张嘴。</translation>
        </message>
    </context>
    <context>
        <name>pq::ui::PreviewWidget</name>
        <message>
            <source>Before</source>
            <translation>处理前</translation>
        </message>
        <message>
            <source>After</source>
            <translation>处理后</translation>
        </message>
    </context>
    <context>
        <name>pq::ui::QueueModel</name>
        <message>
            <source>Queued</source>
            <translation>排队中</translation>
        </message>
        <message>
            <source>Running</source>
            <translation>运行中</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>完成</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>失败</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>已暂停</translation>
        </message>
        <message>
            <source>Offloaded</source>
            <translation>已外包</translation>
        </message>
        <message>
            <source>%1 (%2 error)</source>
            <translation>%1（%2 错误）</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Preset</source>
            <translation>预设</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Attempts</source>
            <translation>尝试次数</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>错误</translation>
        </message>
        <message>
            <source>Output</source>
            <translation>输出</translation>
        </message>
        <message>
            <source>Offloaded: sent to remote workers, waiting for their answer</source>
            <translation>已外包：已发送给远程工作进程，正在等待其答复</translation>
        </message>
    </context>
    <context>
        <name>pq::ui::RecipeEditor</name>
        <message>
            <source>Size and geometry</source>
            <translation>尺寸与几何</translation>
        </message>
        <message>
            <source>Tone and colour</source>
            <translation>色调与颜色</translation>
        </message>
        <message>
            <source>Detail</source>
            <translation>细节</translation>
        </message>
        <message>
            <source>Retouch</source>
            <translation>修饰</translation>
        </message>
        <message>
            <source>Watermark</source>
            <translation>水印</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>其他</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <source>Up</source>
            <translation>上移</translation>
        </message>
        <message>
            <source>Down</source>
            <translation>下移</translation>
        </message>
        <message>
            <source>Recipe editor</source>
            <translation>配方编辑器</translation>
        </message>
        <message>
            <source>Recipe steps</source>
            <translation>配方步骤</translation>
        </message>
        <message>
            <source>Steps run from top to bottom; untick a step to skip it.</source>
            <translation>步骤从上到下执行；取消勾选即可跳过该步骤。</translation>
        </message>
        <message>
            <source>Add operation</source>
            <translation>添加操作</translation>
        </message>
        <message>
            <source>Remove the selected step</source>
            <translation>移除选中的步骤</translation>
        </message>
        <message>
            <source>Move the selected step up</source>
            <translation>将选中的步骤上移</translation>
        </message>
        <message>
            <source>Move the selected step down</source>
            <translation>将选中的步骤下移</translation>
        </message>
        <message>
            <source>Parameters</source>
            <translation>参数</translation>
        </message>
        <message>
            <source>Outputs (one file per checked entry)</source>
            <translation>输出（每个勾选项生成一个文件）</translation>
        </message>
        <message>
            <source>Recipes and presets to produce</source>
            <translation>要生成的配方和预设</translation>
        </message>
        <message>
            <source>Edit preset</source>
            <translation>编辑预设</translation>
        </message>
        <message>
            <source>Load the selected preset into the recipe</source>
            <translation>将选中的预设载入配方</translation>
        </message>
        <message>
            <source>Save as preset…</source>
            <translation>另存为预设…</translation>
        </message>
        <message>
            <source>Save the current recipe as a preset</source>
            <translation>将当前配方保存为预设</translation>
        </message>
        <message>
            <source>Destination</source>
            <translation>目标</translation>
        </message>
        <message>
            <source>Output folder</source>
            <translation>输出文件夹</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <source>Choose the output folder</source>
            <translation>选择输出文件夹</translation>
        </message>
        <message>
            <source>Output folder:</source>
            <translation>输出文件夹：</translation>
        </message>
        <message>
            <source>Naming template</source>
            <translation>命名模板</translation>
        </message>
        <message>
            <source>Placeholders: {name} input name, {preset} preset name, {index} position in the batch, {parent} input folder name</source>
            <translation>占位符：{name} 输入文件名，{preset} 预设名，{index} 在批次中的序号，{parent} 输入所在文件夹名</translation>
        </message>
        <message>
            <source>Naming template:</source>
            <translation>命名模板：</translation>
        </message>
        <message>
            <source>Example output name</source>
            <translation>输出文件名示例</translation>
        </message>
        <message>
            <source>When the output exists</source>
            <translation>输出已存在时</translation>
        </message>
        <message>
            <source>Keep both (new name)</source>
            <translation>都保留（使用新名称）</translation>
        </message>
        <message>
            <source>Skip</source>
            <translation>跳过</translation>
        </message>
        <message>
            <source>Replace</source>
            <translation>替换</translation>
        </message>
        <message>
            <source>When the output exists:</source>
            <translation>输出已存在时：</translation>
        </message>
        <message>
            <source>Search operations…</source>
            <translation>搜索操作…</translation>
        </message>
        <message>
            <source>Search operations</source>
            <translation>搜索操作</translation>
        </message>
        <message>
            <source>Output format</source>
            <translation>输出格式</translation>
        </message>
        <message>
            <source>Unknown operation '%1'.</source>
            <translation>未知操作“%1”。</translation>
        </message>
        <message>
            <source>Current recipe</source>
            <translation>当前配方</translation>
        </message>
        <message>
            <source>Preset '%1': tick to produce it too, double-click to edit a copy</source>
            <translation>预设“%1”：勾选以同时生成，双击编辑其副本</translation>
        </message>
        <message>
            <source>The current recipe is not valid: %1</source>
            <translation>当前配方无效：%1</translation>
        </message>
        <message>
            <source>Tick the current recipe or at least one preset.</source>
            <translation>请勾选当前配方或至少一个预设。</translation>
        </message>
        <message>
            <source>Preset</source>
            <translation>预设</translation>
        </message>
        <message>
            <source>Save as preset</source>
            <translation>另存为预设</translation>
        </message>
        <message>
            <source>Preset name:</source>
            <translation>预设名称：</translation>
        </message>
        <message>
            <source>Use letters, digits, spaces, '.', '-' and '_' only.</source>
            <translation>只能使用字母、数字、空格、“.”、“-”和“_”。</translation>
        </message>
        <message>
            <source>Could not save the preset: %1</source>
            <translation>无法保存预设：%1</translation>
        </message>
        <message>
            <source>Invalid template: %1</source>
            <translation>模板无效：%1</translation>
        </message>
        <message>
            <source>Example: %1</source>
            <translation>示例：%1</translation>
        </message>
    </context>
    <context>
        <name>pq::ui::SettingsDialog</name>
        <message>
            <source> MP</source>
            <translation> 百万像素</translation>
        </message>
        <message>
            <source>Largest input image</source>
            <translation>最大输入图像</translation>
        </message>
        <message>
            <source>Largest input image:</source>
            <translation>最大输入图像：</translation>
        </message>
        <message>
            <source>Inputs with more pixels fail instead of being decoded.</source>
            <translation>像素数超过此值的输入将直接失败，不会被解码。</translation>
        </message>
        <message>
            <source> MB</source>
            <translation> MB</translation>
        </message>
        <message>
            <source>Largest input file</source>
            <translation>最大输入文件</translation>
        </message>
        <message>
            <source>Largest input file:</source>
            <translation>最大输入文件：</translation>
        </message>
        <message>
            <source>Larger input files fail instead of being read.</source>
            <translation>超过此大小的输入文件将直接失败，不会被读取。</translation>
        </message>
        <message>
            <source>Resume the queue when PixQueue starts</source>
            <translation>PixQueue 启动时继续处理队列</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <source>One per core (%1)</source>
            <translation>每个核心一个（%1）</translation>
        </message>
        <message>
            <source>Workers</source>
            <translation>工作线程</translation>
        </message>
        <message>
            <source>Workers:</source>
            <translation>工作线程：</translation>
        </message>
        <message>
            <source>Default output folder</source>
            <translation>默认输出文件夹</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <source>Choose the default output folder</source>
            <translation>选择默认输出文件夹</translation>
        </message>
        <message>
            <source>Default output folder:</source>
            <translation>默认输出文件夹：</translation>
        </message>
        <message>
            <source>Naming template</source>
            <translation>命名模板</translation>
        </message>
        <message>
            <source>Default: {name}, or {name}-{preset} for several presets</source>
            <translation>默认：{name}；多个预设时为 {name}-{preset}</translation>
        </message>
        <message>
            <source>Naming template:</source>
            <translation>命名模板：</translation>
        </message>
        <message>
            <source>When the output exists</source>
            <translation>输出已存在时</translation>
        </message>
        <message>
            <source>Keep both (new name)</source>
            <translation>都保留（使用新名称）</translation>
        </message>
        <message>
            <source>Skip</source>
            <translation>跳过</translation>
        </message>
        <message>
            <source>Replace</source>
            <translation>替换</translation>
        </message>
        <message>
            <source>When the output exists:</source>
            <translation>输出已存在时：</translation>
        </message>
        <message>
            <source> s</source>
            <translation> 秒</translation>
        </message>
        <message>
            <source>Lease time</source>
            <translation>租约时长</translation>
        </message>
        <message>
            <source>How long a job may run without a heartbeat before another worker takes it over.</source>
            <translation>任务在没有心跳的情况下可运行多久，之后由其他工作线程接管。</translation>
        </message>
        <message>
            <source>Lease time:</source>
            <translation>租约时长：</translation>
        </message>
        <message>
            <source>Maximum attempts</source>
            <translation>最大尝试次数</translation>
        </message>
        <message>
            <source>Maximum attempts:</source>
            <translation>最大尝试次数：</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <source>System default</source>
            <translation>系统默认</translation>
        </message>
        <message>
            <source>Language:</source>
            <translation>语言：</translation>
        </message>
        <message>
            <source>A new language applies the next time PixQueue starts.</source>
            <translation>新语言将在 PixQueue 下次启动时生效。</translation>
        </message>
        <message>
            <source>Resume on start</source>
            <translation>启动时继续</translation>
        </message>
        <message>
            <source>General</source>
            <translation>常规</translation>
        </message>
        <message>
            <source>Offload</source>
            <translation>外包</translation>
        </message>
        <message>
            <source>Batches added with Offload on are processed by PixQueue workers on servers, fed through a cloud message queue; images travel through an S3-compatible bucket.</source>
            <translation>在开启“外包”时添加的批次由服务器上的 PixQueue 工作进程处理，任务通过云消息队列分发；图像经由兼容 S3 的存储桶传输。</translation>
        </message>
        <message>
            <source>Queue service</source>
            <translation>队列服务</translation>
        </message>
        <message>
            <source>Amazon SQS or SQS-compatible</source>
            <translation>Amazon SQS 或兼容 SQS 的服务</translation>
        </message>
        <message>
            <source>Tencent CMQ (TDMQ for CMQ)</source>
            <translation>腾讯云 CMQ（TDMQ CMQ 版）</translation>
        </message>
        <message>
            <source>Queue service:</source>
            <translation>队列服务：</translation>
        </message>
        <message>
            <source>Queue endpoint</source>
            <translation>队列服务地址</translation>
        </message>
        <message>
            <source>Queue endpoint:</source>
            <translation>队列服务地址：</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>地域</translation>
        </message>
        <message>
            <source>e.g. eu-central-1 or ap-guangzhou</source>
            <translation>例如 eu-central-1 或 ap-guangzhou</translation>
        </message>
        <message>
            <source>Region:</source>
            <translation>地域：</translation>
        </message>
        <message>
            <source>Request queue</source>
            <translation>请求队列</translation>
        </message>
        <message>
            <source>Name or URL</source>
            <translation>名称或 URL</translation>
        </message>
        <message>
            <source>Request queue:</source>
            <translation>请求队列：</translation>
        </message>
        <message>
            <source>Response queue</source>
            <translation>响应队列</translation>
        </message>
        <message>
            <source>Response queue:</source>
            <translation>响应队列：</translation>
        </message>
        <message>
            <source>Dead-letter queue</source>
            <translation>死信队列</translation>
        </message>
        <message>
            <source>Optional: name or URL</source>
            <translation>可选：名称或 URL</translation>
        </message>
        <message>
            <source>Requests that no worker could finish end here; their jobs are shown as failed.</source>
            <translation>没有任何工作进程能完成的请求会进入这里；对应的任务显示为失败。</translation>
        </message>
        <message>
            <source>Dead-letter queue:</source>
            <translation>死信队列：</translation>
        </message>
        <message>
            <source>Storage endpoint</source>
            <translation>存储服务地址</translation>
        </message>
        <message>
            <source>Storage endpoint:</source>
            <translation>存储服务地址：</translation>
        </message>
        <message>
            <source>Bucket</source>
            <translation>存储桶</translation>
        </message>
        <message>
            <source>Bucket:</source>
            <translation>存储桶：</translation>
        </message>
        <message>
            <source>Virtual-hosted addresses (bucket.host/key instead of host/bucket/key)</source>
            <translation>虚拟主机式地址（bucket.host/key，而非 host/bucket/key）</translation>
        </message>
        <message>
            <source>Virtual-hosted addresses</source>
            <translation>虚拟主机式地址</translation>
        </message>
        <message>
            <source>Pre-signed URL lifetime</source>
            <translation>预签名 URL 有效期</translation>
        </message>
        <message>
            <source>How long a worker may use the download and upload links of a request (6 hours = 21600 s; at most 7 days).</source>
            <translation>工作进程可使用请求中下载和上传链接的时长（6 小时 = 21600 秒；最长 7 天）。</translation>
        </message>
        <message>
            <source>Pre-signed URL lifetime:</source>
            <translation>预签名 URL 有效期：</translation>
        </message>
        <message>
            <source>Answer timeout</source>
            <translation>答复超时</translation>
        </message>
        <message>
            <source> min</source>
            <translation> 分钟</translation>
        </message>
        <message>
            <source>An offloaded job that gets no answer within this time fails.</source>
            <translation>在此时间内未收到答复的外包任务将被标记为失败。</translation>
        </message>
        <message>
            <source>Answer timeout:</source>
            <translation>答复超时：</translation>
        </message>
        <message>
            <source>Credentials (kept in the system keychain only)</source>
            <translation>凭据（仅保存在系统钥匙串中）</translation>
        </message>
        <message>
            <source>Access key ID</source>
            <translation>访问密钥 ID</translation>
        </message>
        <message>
            <source>Access key ID:</source>
            <translation>访问密钥 ID：</translation>
        </message>
        <message>
            <source>Secret</source>
            <translation>密钥</translation>
        </message>
        <message>
            <source>Secret:</source>
            <translation>密钥：</translation>
        </message>
        <message>
            <source>Test Connection</source>
            <translation>测试连接</translation>
        </message>
        <message>
            <source>Reach the three queues, send and receive a probe message, and write, read and delete a small file in the bucket, with the values above.</source>
            <translation>使用上面的设置访问三个队列，发送并接收一条探测消息，并在存储桶中写入、读取和删除一个小文件。</translation>
        </message>
        <message>
            <source>Connection test steps</source>
            <translation>连接测试步骤</translation>
        </message>
        <message>
            <source>Required: the endpoint from the TDMQ console</source>
            <translation>必填：TDMQ 控制台中的接入地址</translation>
        </message>
        <message>
            <source>Empty: AWS for the region</source>
            <translation>留空：使用该地域的 AWS 地址</translation>
        </message>
        <message>
            <source>Required: the bucket service&apos;s S3 endpoint</source>
            <translation>必填：存储桶服务的 S3 地址</translation>
        </message>
        <message>
            <source>Empty: S3 for the region, or the queue endpoint when it serves S3 too</source>
            <translation>留空：使用该地域的 S3，若队列服务地址同时提供 S3 则使用它</translation>
        </message>
        <message>
            <source>SecretId</source>
            <translation>SecretId</translation>
        </message>
        <message>
            <source>e.g. AKIA…</source>
            <translation>例如 AKIA…</translation>
        </message>
        <message>
            <source>Offload cannot run until this is fixed: %1.</source>
            <translation>需先解决此问题才能使用外包：%1。</translation>
        </message>
        <message>
            <source>The offload settings are complete.</source>
            <translation>外包设置已完整。</translation>
        </message>
        <message>
            <source>Reading the keychain…</source>
            <translation>正在读取钥匙串…</translation>
        </message>
        <message>
            <source>Loaded from the keychain.</source>
            <translation>已从钥匙串载入。</translation>
        </message>
        <message>
            <source>No credentials saved for this queue service yet. They are saved in the system keychain when you press OK.</source>
            <translation>尚未为此队列服务保存凭据。点击“确定”后将保存到系统钥匙串中。</translation>
        </message>
        <message>
            <source>Enter both the access key ID and the secret, or clear both to remove them from the keychain.</source>
            <translation>请同时填写访问密钥 ID 和密钥，或将两者都清空以从钥匙串中删除。</translation>
        </message>
        <message>
            <source>Removing the credentials from the keychain…</source>
            <translation>正在从钥匙串删除凭据…</translation>
        </message>
        <message>
            <source>Saving the credentials in the keychain…</source>
            <translation>正在将凭据保存到钥匙串…</translation>
        </message>
        <message>
            <source>Saved in the keychain.</source>
            <translation>已保存到钥匙串。</translation>
        </message>
        <message>
            <source>Testing the connection…</source>
            <translation>正在测试连接…</translation>
        </message>
        <message>
            <source>The connection works: every step passed.</source>
            <translation>连接正常：所有步骤均已通过。</translation>
        </message>
        <message>
            <source>The connection test failed: %1</source>
            <translation>连接测试失败：%1</translation>
        </message>
    </context>
</TS>
