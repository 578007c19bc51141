<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>pq::cli</name>
        <message>
            <source>%1: &apos;%2&apos; is not an http(s) URL</source>
            <translation>%1：“%2”不是 http(s) URL</translation>
        </message>
        <message>
            <source>%1 needs a value</source>
            <translation>%1 需要一个值</translation>
        </message>
        <message>
            <source>error: queue %1: %2</source>
            <translation>错误：队列 %1：%2</translation>
        </message>
        <message>
            <source>unknown option %1</source>
            <translation>未知选项 %1</translation>
        </message>
        <message>
            <source>  run --offload [--until-idle] [--senders N] CONNECTION...
      Send the jobs of batches added with --offload to remote workers and bring
      their results back. With --until-idle, exit when every offload job ended.
  worker CONNECTION... [--workers N] [--until-idle SECONDS]
      [--visibility-timeout SECONDS] [--wait SECONDS]
      Process offloaded jobs from the request queue. With --until-idle, exit
      after that many seconds without a request.
  setup-offload CONNECTION... [--visibility-timeout S] [--max-receives N] [--save]
      Create the three queues (requests redriven to the dead-letter queue after
      N receives) and the bucket. --save keeps the connection as the settings.
  test-offload CONNECTION... [--save]
      Send and receive a probe message, write, read and delete a test object.
  CONNECTION flags (each falls back to the saved offload settings):
      --provider sqs|cmq --endpoint URL --region R --request-queue Q
      --response-queue Q --dead-letter-queue Q --bucket B --storage-endpoint URL
      Queues are names or URLs. Credentials come from AWS_ACCESS_KEY_ID,
      AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN (sqs) or TENCENTCLOUD_SECRET_ID,
      TENCENTCLOUD_SECRET_KEY (cmq). Pre-signed URLs must point at the storage
      endpoint (default: the queue endpoint for SQS-compatible servers, else S3).
</source>
            <translation>  run --offload [--until-idle] [--senders N] CONNECTION...
      将用 --offload 添加的批次中的任务发送给远程工作进程，
      并取回其结果。使用 --until-idle 时，所有外包任务结束后即退出。
  worker CONNECTION... [--workers N] [--until-idle SECONDS]
      [--visibility-timeout SECONDS] [--wait SECONDS]
      处理请求队列中的外包任务。使用 --until-idle 时，
      连续该秒数没有请求即退出。
  setup-offload CONNECTION... [--visibility-timeout S] [--max-receives N] [--save]
      创建三个队列（请求被接收 N 次后转入死信队列）和存储桶。
      --save 将此连接保存为设置。
  test-offload CONNECTION... [--save]
      发送并接收一条探测消息，写入、读取并删除一个测试对象。
  CONNECTION 参数（未指定的均取自已保存的外包设置）：
      --provider sqs|cmq --endpoint URL --region R --request-queue Q
      --response-queue Q --dead-letter-queue Q --bucket B --storage-endpoint URL
      队列可以是名称或 URL。凭据取自 AWS_ACCESS_KEY_ID、
      AWS_SECRET_ACCESS_KEY、AWS_SESSION_TOKEN（sqs）或
      TENCENTCLOUD_SECRET_ID、TENCENTCLOUD_SECRET_KEY（cmq）。
      预签名 URL 必须指向存储服务地址（默认：兼容 SQS 的
      服务器使用队列服务地址，否则使用 S3）。
</translation>
        </message>
        <message>
            <source>pixqueue-cli worker: %1</source>
            <translation>pixqueue-cli worker：%1</translation>
        </message>
        <message>
            <source>Try &apos;pixqueue-cli --help&apos;.</source>
            <translation>请尝试执行“pixqueue-cli --help”。</translation>
        </message>
        <message>
            <source>job %1 done (%2 bytes)</source>
            <translation>任务 %1 完成（%2 字节）</translation>
        </message>
        <message>
            <source>job %1 failed (%2): %3</source>
            <translation>任务 %1 失败（%2）：%3</translation>
        </message>
        <message>
            <source>job %1 left for a retry: %2</source>
            <translation>任务 %1 已留待重试：%2</translation>
        </message>
        <message>
            <source>stopping: unfinished requests are handed back to the queue</source>
            <translation>正在停止：未完成的请求将交回队列</translation>
        </message>
        <message>
            <source>worker: %1 thread(s) on %2, %3</source>
            <translation>工作进程：%1 个线程，%2 队列 %3</translation>
        </message>
        <message>
            <source>worker stopped: %1 done, %2 failed</source>
            <translation>工作进程已停止：%1 个完成，%2 个失败</translation>
        </message>
        <message>
            <source>error: dead-letter queue: %1</source>
            <translation>错误：死信队列：%1</translation>
        </message>
        <message>
            <source>dead-letter queue: %1</source>
            <translation>死信队列：%1</translation>
        </message>
        <message>
            <source>error: request queue: %1</source>
            <translation>错误：请求队列：%1</translation>
        </message>
        <message>
            <source>request queue: %1 (visibility timeout %2 s, to the dead-letter queue after %3 receives)</source>
            <translation>请求队列：%1（可见性超时 %2 秒，接收 %3 次后转入死信队列）</translation>
        </message>
        <message>
            <source>error: response queue: %1</source>
            <translation>错误：响应队列：%1</translation>
        </message>
        <message>
            <source>response queue: %1</source>
            <translation>响应队列：%1</translation>
        </message>
        <message>
            <source>error: bucket %1: %2</source>
            <translation>错误：存储桶 %1：%2</translation>
        </message>
        <message>
            <source>bucket: %1</source>
            <translation>存储桶：%1</translation>
        </message>
        <message>
            <source>saved as the offload settings</source>
            <translation>已保存为外包设置</translation>
        </message>
        <message>
            <source>Usage: pixqueue-cli [--db FILE] COMMAND [OPTIONS]

Commands:
  add (--preset NAME | --recipe FILE.json | --op SPEC ...) --out DIR
      [--naming TPL] [--overwrite skip|replace|rename] [--max-attempts N]
      [--offload] INPUT...
      Queue one job per input image and recipe. INPUT may be files or folders
      (recursive). --op may repeat; SPEC is name:key=value,key=value, e.g.
      thumbnail:size=256 or resize:width=800,fit=inside. --preset may repeat
      (one output per preset). With --offload the batch goes to remote workers
      (run --offload). Prints the batch id.
  run [--workers N] [--until-idle] [--lease-seconds S]
      Work the queue here. With --until-idle, exit when no job is queued or
      leased (batches added with --offload are left to run --offload).
  process ...   add (same options) then run --until-idle, like mogrify.
  status [--json]                 Counts per state.
  list [--state S] [--json]       One entry per job.
  retry (--all-failed | ID...)    Failed or cancelled jobs run again.
  cancel (--all-failed | ID...)   Jobs are cancelled.
  ops [--json]                    The operations and their parameters.
  presets [--json]                The built-in and user presets (user presets: %2).
%3
Options:
  --db FILE     Job database (default: %1)
  --max-megapixels N   Refuse images of more than N megapixels (default 100), read
                from the header before decoding: decompression bombs fail at once.
  --max-file-mb N      Refuse input files larger than N MB (default 1024).
  --lang CODE   Language of the messages: de, zh_CN or en (default: PIXQUEUE_LANG,
                else the system&apos;s).
  --version     Print the version.
  --help        Print this help.

Exit codes: 0 all done, 1 some job failed, 2 usage error.
</source>
            <translation>用法：pixqueue-cli [--db FILE] COMMAND [OPTIONS]

命令：
  add (--preset NAME | --recipe FILE.json | --op SPEC ...) --out DIR
      [--naming TPL] [--overwrite skip|replace|rename] [--max-attempts N]
      [--offload] INPUT...
      为每个输入图像和配方各排入一个任务。INPUT 可以是文件或
      文件夹（递归）。--op 可重复；SPEC 为 name:key=value,key=value，
      例如 thumbnail:size=256 或 resize:width=800,fit=inside。
      --preset 可重复（每个预设一个输出）。使用 --offload 时，
      该批次交给远程工作进程（run --offload）。输出批次 ID。
  run [--workers N] [--until-idle] [--lease-seconds S]
      在本机处理队列。使用 --until-idle 时，没有排队中或已租用的
      任务即退出（用 --offload 添加的批次留给 run --offload）。
  process ...   先 add（选项相同）再 run --until-idle，类似 mogrify。
  status [--json]                 各状态的任务数。
  list [--state S] [--json]       每个任务一条记录。
  retry (--all-failed | ID...)    重新运行失败或已取消的任务。
  cancel (--all-failed | ID...)   取消任务。
  ops [--json]                    操作及其参数。
  presets [--json]                内置预设和用户预设（用户预设：%2）。
%3
选项：
  --db FILE     任务数据库（默认：%1）
  --max-megapixels N   拒绝超过 N 百万像素的图像（默认 100），在解码前
                从文件头读取：解压炸弹会立即失败。
  --max-file-mb N      拒绝大于 N MB 的输入文件（默认 1024）。
  --lang CODE   消息语言：de、zh_CN 或 en（默认：PIXQUEUE_LANG，
                否则使用系统语言）。
  --version     显示版本。
  --help        显示此帮助。

退出码：0 全部完成，1 有任务失败，2 用法错误。
</translation>
        </message>
        <message>
            <source>error: %1</source>
            <translation>错误：%1</translation>
        </message>
        <message>
            <source>--overwrite: &apos;%1&apos; is not one of skip, replace, rename</source>
            <translation>--overwrite：“%1”不是 skip、replace、rename 之一</translation>
        </message>
        <message>
            <source>say what to do: --preset NAME, --recipe FILE.json or --op SPEC</source>
            <translation>请指定要做什么：--preset NAME、--recipe FILE.json 或 --op SPEC</translation>
        </message>
        <message>
            <source>--out DIR is required</source>
            <translation>必须指定 --out DIR</translation>
        </message>
        <message>
            <source>no input files or folders given</source>
            <translation>未指定输入文件或文件夹</translation>
        </message>
        <message>
            <source>cannot read recipe %1: %2</source>
            <translation>无法读取配方 %1：%2</translation>
        </message>
        <message>
            <source>recipe %1: %2</source>
            <translation>配方 %1：%2</translation>
        </message>
        <message>
            <source>skipped %1 file(s): %2</source>
            <translation>已跳过 %1 个文件：%2</translation>
        </message>
        <message>
            <source>error: no images found in the given inputs</source>
            <translation>错误：在指定的输入中未找到图像</translation>
        </message>
        <message>
            <source>%1 job(s) skipped: their output already exists</source>
            <translation>%1 个任务已跳过：其输出已存在</translation>
        </message>
        <message>
            <source>%1 job(s) failed:</source>
            <translation>%1 个任务失败：</translation>
        </message>
        <message>
            <source>  ... and %1 more (pixqueue-cli list --state failed)</source>
            <translation>  ... 另有 %1 个（pixqueue-cli list --state failed）</translation>
        </message>
        <message>
            <source>job %1 failed: %2</source>
            <translation>任务 %1 失败：%2</translation>
        </message>
        <message>
            <source>%1/%2 done, %3 failed, %4 img/s, ETA %5</source>
            <translation>%1/%2 完成，%3 失败，%4 张/秒，剩余 %5</translation>
        </message>
        <message>
            <source>stopping: running jobs are handed back to the queue</source>
            <translation>正在停止：运行中的任务将交回队列</translation>
        </message>
        <message>
            <source>--state: &apos;%1&apos; is not a job state</source>
            <translation>--state：“%1”不是任务状态</translation>
        </message>
        <message>
            <source>(copied from job %1: same input and recipe)</source>
            <translation>（复制自任务 %1：输入和配方相同）</translation>
        </message>
        <message>
            <source>&apos;%1&apos; is not a job id</source>
            <translation>“%1”不是任务 ID</translation>
        </message>
        <message>
            <source>give --all-failed or job ids</source>
            <translation>请指定 --all-failed 或任务 ID</translation>
        </message>
        <message>
            <source>%1 job(s) queued again</source>
            <translation>%1 个任务已重新排队</translation>
        </message>
        <message>
            <source>%1 job(s) cancelled</source>
            <translation>%1 个任务已取消</translation>
        </message>
        <message>
            <source>    %1 (%2, default %3): %4</source>
            <translation>    %1（%2，默认 %3）：%4</translation>
        </message>
        <message>
            <source>warning: %1</source>
            <translation>警告：%1</translation>
        </message>
        <message>
            <source>(no steps)</source>
            <translation>（无步骤）</translation>
        </message>
        <message>
            <source>no command given</source>
            <translation>未指定命令</translation>
        </message>
        <message>
            <source>unknown command &apos;%1&apos;</source>
            <translation>未知命令“%1”</translation>
        </message>
        <message>
            <source>pixqueue-cli: %1</source>
            <translation>pixqueue-cli：%1</translation>
        </message>
        <message>
            <source>%1: &apos;%2&apos; is not a number in %3..%4</source>
            <translation>%1：“%2”不是 %3..%4 范围内的数字</translation>
        </message>
    </context>
    <context>
        <name>pq::cli::Args</name>
        <message>
            <source>%1 needs a value</source>
            <translation>%1 需要一个值</translation>
        </message>
    </context>
    <context>
        <name>pq::cli::OffloadRun</name>
        <message>
            <source>%1 needs a value</source>
            <translation>%1 需要一个值</translation>
        </message>
        <message>
            <source>unknown option %1</source>
            <translation>未知选项 %1</translation>
        </message>
        <message>
            <source>job %1 failed: %2</source>
            <translation>任务 %1 失败：%2</translation>
        </message>
        <message>
            <source>%1 (trying again in %2 s)</source>
            <translation>%1（%2 秒后重试）</translation>
        </message>
        <message>
            <source>stopping: offloaded jobs keep waiting for their answers in the queue</source>
            <translation>正在停止：已外包的任务继续在队列中等待答复</translation>
        </message>
        <message>
            <source>offload: %1 sent, %2 done, %3 failed, %4 waiting to be sent, %5 offloaded</source>
            <translation>外包：已发送 %1，完成 %2，失败 %3，待发送 %4，已外包 %5</translation>
        </message>
        <message>
            <source>offload: %1 to %2</source>
            <translation>外包：通过 %1 发往 %2</translation>
        </message>
    </context>
</TS>
