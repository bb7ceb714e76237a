<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <source>活动</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>平台</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>开始</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>结束</source>
        <translation>End</translation>
    </message>
    <message>
        <source>重复</source>
        <translation>Repeats</translation>
    </message>
    <message>
        <source>报名截止</source>
        <translation>Sign-up deadline</translation>
    </message>
    <message>
        <source>阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>商品数</source>
        <translation>Products</translation>
    </message>
    <message>
        <source>负责人</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>优惠</source>
        <translation>Discount</translation>
    </message>
    <message>
        <source>未通过原因: </source>
        <translation>Reason rejected: </translation>
    </message>
    <message>
        <source>商品编码</source>
        <translation>Product code</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>预计倍数</source>
        <translation>Expected ×</translation>
    </message>
    <message>
        <source>活动期间预计日销量是平时的几倍; 补货单按它计算活动额外需求</source>
        <translation>How many times normal daily sales to expect during the campaign; the restock sheet uses it for the campaign&apos;s extra demand</translation>
    </message>
    <message>
        <source>售价</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>活动价</source>
        <translation>Campaign price</translation>
    </message>
    <message>
        <source>交期(天)</source>
        <translation>Lead time (days)</translation>
    </message>
    <message>
        <source>最慢的交期决定备货任务的日期</source>
        <translation>The slowest lead time sets the date of the stock-up task</translation>
    </message>
    <message>
        <source>成本价</source>
        <translation>Cost</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>截止</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>任务</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>日期规则</source>
        <translation>Date rule</translation>
    </message>
    <message>
        <source>任务日期随活动日期自动调整</source>
        <translation>Task dates move with the campaign dates</translation>
    </message>
    <message>
        <source>岗位/人</source>
        <translation>Role/person</translation>
    </message>
    <message>
        <source>所有人</source>
        <translation>Everyone</translation>
    </message>
    <message>
        <source>完成人</source>
        <translation>Done by</translation>
    </message>
    <message>
        <source>预计倍数: </source>
        <translation>Expected ×: </translation>
    </message>
    <message>
        <source>商品编码或名称</source>
        <translation>Product code or name</translation>
    </message>
    <message>
        <source>活动期间预计日销量是平时的几倍 (补货单的活动额外需求按它计算)</source>
        <translation>How many times normal daily sales to expect during the campaign (the restock sheet&apos;s campaign demand uses it)</translation>
    </message>
    <message>
        <source>活动价 (可空)</source>
        <translation>Campaign price (optional)</translation>
    </message>
    <message>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>移除所选</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <source>商品</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>倍数</source>
        <translation>×</translation>
    </message>
    <message>
        <source>改完商品后点“保存”。备货任务的日期 = 开始日 − 最慢商品的交期。</source>
        <translation>After changing products, click “Save”. Stock-up task date = start − the slowest product&apos;s lead time.</translation>
    </message>
    <message>
        <source>找不到商品: </source>
        <translation>Product not found: </translation>
    </message>
    <message>
        <source>“{0}”对应多个商品, 请输入完整编码</source>
        <translation>“{0}” matches several products; enter the full code</translation>
    </message>
    <message>
        <source>活动价: </source>
        <translation>Campaign price: </translation>
    </message>
    <message>
        <source>已添加 {0}, 记得保存</source>
        <translation>Added {0}; remember to save</translation>
    </message>
    <message>
        <source>改变阶段</source>
        <translation>Change stage</translation>
    </message>
    <message>
        <source>标记所选任务完成</source>
        <translation>Mark selected tasks done</translation>
    </message>
    <message>
        <source>新任务</source>
        <translation>New task</translation>
    </message>
    <message>
        <source>开始日 </source>
        <translation>Start day </translation>
    </message>
    <message>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <source>相对开始日的天数, 负数 = 开始前</source>
        <translation>Days relative to the start; negative = before it</translation>
    </message>
    <message>
        <source>添加任务</source>
        <translation>Add task</translation>
    </message>
    <message>
        <source>阶段任务 (到期当天出现在负责岗位的今日检查里)</source>
        <translation>Stage tasks (each appears in the responsible role&apos;s Today checklist on its due day)</translation>
    </message>
    <message>
        <source>当前阶段: </source>
        <translation>Current stage: </translation>
    </message>
    <message>
        <source>新建</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>确定取消这个活动吗?</source>
        <translation>Cancel this campaign?</translation>
    </message>
    <message>
        <source>例如 5% (不填按 0 计算)</source>
        <translation>e.g. 5% (empty counts as 0)</translation>
    </message>
    <message>
        <source>平台佣金 = 活动价 × 佣金比例</source>
        <translation>Platform commission = campaign price × commission rate</translation>
    </message>
    <message>
        <source>每件推广费 (元), 不填按 0 计算</source>
        <translation>Promotion cost per item (yuan); empty counts as 0</translation>
    </message>
    <message>
        <source>平台佣金比例</source>
        <translation>Platform commission rate</translation>
    </message>
    <message>
        <source>每件推广费</source>
        <translation>Promotion per item</translation>
    </message>
    <message>
        <source>成本</source>
        <translation>Cost</translation>
    </message>
    <message>
        <source>佣金</source>
        <translation>Commission</translation>
    </message>
    <message>
        <source>推广费</source>
        <translation>Promotion</translation>
    </message>
    <message>
        <source>每件毛利</source>
        <translation>Margin per item</translation>
    </message>
    <message>
        <source>活动价 − 成本 − 佣金 − 推广费</source>
        <translation>Campaign price − cost − commission − promotion</translation>
    </message>
    <message>
        <source>毛利率</source>
        <translation>Margin %</translation>
    </message>
    <message>
        <source>建议</source>
        <translation>Advice</translation>
    </message>
    <message>
        <source>原则: 大小活动都报名, 除非利润核算不过关。佣金和推广费随“保存”一起保存。</source>
        <translation>Rule: sign up for every campaign, big or small, unless the profit check fails. Commission and promotion cost are saved with “Save”.</translation>
    </message>
    <message>
        <source>佣金比例: </source>
        <translation>Commission rate: </translation>
    </message>
    <message>
        <source>推广费: </source>
        <translation>Promotion cost: </translation>
    </message>
    <message>
        <source>结论: </source>
        <translation>Verdict: </translation>
    </message>
    <message>
        <source>还没有可核算的商品</source>
        <translation>No products to check yet</translation>
    </message>
    <message>
        <source>活动花费: 推广费 + 优惠让利 + 包邮等</source>
        <translation>Campaign spend: promotion + discounts + free shipping etc.</translation>
    </message>
    <message>
        <source>ROI = 销售额 ÷ 成本, 记作 1:x。低于 1:3 不及格, 1:3 及格, 1:4 良好, 1:5 优秀</source>
        <translation>ROI = sales ÷ cost, written 1:x. Below 1:3 fails, 1:3 pass, 1:4 good, 1:5 excellent</translation>
    </message>
    <message>
        <source>预测 = 活动前28天日均销量 × 预计倍数 × 活动天数 × 活动价</source>
        <translation>Forecast = average daily sales of the 28 days before × expected × × campaign days × campaign price</translation>
    </message>
    <message>
        <source>活动总结: 效果、问题、下次怎么做</source>
        <translation>Campaign review: results, problems, what to do next time</translation>
    </message>
    <message>
        <source>保存总结</source>
        <translation>Save review</translation>
    </message>
    <message>
        <source>实际销售额 (元)</source>
        <translation>Actual sales (yuan)</translation>
    </message>
    <message>
        <source>实际成本 (元)</source>
        <translation>Actual cost (yuan)</translation>
    </message>
    <message>
        <source>ROI</source>
        <translation>ROI</translation>
    </message>
    <message>
        <source>与预测对比</source>
        <translation>Against forecast</translation>
    </message>
    <message>
        <source>活动总结的金额: </source>
        <translation>Review amounts: </translation>
    </message>
    <message>
        <source>无预测 (没有商品或为重复活动)</source>
        <translation>No forecast (no products, or a repeating campaign)</translation>
    </message>
    <message>
        <source>预测销售额 {0}, 约 {1} 件</source>
        <translation>Forecast sales {0}, about {1} items</translation>
    </message>
    <message>
        <source>, 实际比预测 {0}</source>
        <translation>, actual vs forecast {0}</translation>
    </message>
    <message>
        <source>金额: </source>
        <translation>Amount: </translation>
    </message>
    <message>
        <source>检查项目</source>
        <translation>Check item</translation>
    </message>
    <message>
        <source>负责</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>实时数据</source>
        <translation>Live data</translation>
    </message>
    <message>
        <source>数值</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>勾选人 / 时间</source>
        <translation>Ticked by / at</translation>
    </message>
    <message>
        <source>打开活动 ▸</source>
        <translation>Open campaign ▸</translation>
    </message>
    <message>
        <source>逾期未完成</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>(待填)</source>
        <translation>(to fill in)</translation>
    </message>
    <message>
        <source>(必填)</source>
        <translation>(required)</translation>
    </message>
    <message>
        <source> (补)</source>
        <translation> (late)</translation>
    </message>
    <message>
        <source>双击或按回车: 在活动日历里打开这个活动</source>
        <translation>Double-click or press Enter: open this campaign in the campaign calendar</translation>
    </message>
    <message>
        <source>
双击打开</source>
        <translation>
Double-click to open</translation>
    </message>
    <message>
        <source>属于 {0}, 实际勾选于 {1}</source>
        <translation>For {0}, actually ticked at {1}</translation>
    </message>
    <message>
        <source>{0}
{1} · {2} · 漏检: {3}
空格键勾选/撤销</source>
        <translation>{0}
{1} · {2} · if missed: {3}
Space ticks/unticks</translation>
    </message>
    <message>
        <source>需要填写数值</source>
        <translation>A value is required</translation>
    </message>
    <message>
        <source>分组</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>检查内容</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>漏检处理</source>
        <translation>If missed</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>已停用</source>
        <translation>Retired</translation>
    </message>
    <message>
        <source>在用</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>过期作废: 当天没做算漏检, 不会堆积; 顺延到完成: 一直显示为逾期, 直到勾选或写明原因跳过</source>
        <translation>Expires: not done that day counts as missed and does not pile up; Rolls over: stays overdue until ticked or skipped with a reason</translation>
    </message>
    <message>
        <source>编辑检查项目</source>
        <translation>Edit check items</translation>
    </message>
    <message>
        <source>31 = 每月最后一天; 29/30 在小月取最后一天</source>
        <translation>31 = last day of the month; 29/30 mean the last day in shorter months</translation>
    </message>
    <message>
        <source>(所有人)</source>
        <translation>(everyone)</translation>
    </message>
    <message>
        <source>可填多个岗位, 用 / 分隔, 例如 店主/采购</source>
        <translation>Several roles allowed, separated by /, e.g. 店主/采购</translation>
    </message>
    <message>
        <source>(不指定)</source>
        <translation>(nobody in particular)</translation>
    </message>
    <message>
        <source>按重复方式默认</source>
        <translation>Default for the repeat</translation>
    </message>
    <message>
        <source>勾选时必须填写备注</source>
        <translation>Note required when ticking</translation>
    </message>
    <message>
        <source>勾选时必须填写数值</source>
        <translation>Value required when ticking</translation>
    </message>
    <message>
        <source>数值名称, 例如 DSR 综合评分</source>
        <translation>Value name, e.g. DSR score</translation>
    </message>
    <message>
        <source>(无)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>星期</source>
        <translation>Weekdays</translation>
    </message>
    <message>
        <source>每月几号</source>
        <translation>Day of month</translation>
    </message>
    <message>
        <source>负责岗位</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>指定人员</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>数值名称</source>
        <translation>Value name</translation>
    </message>
    <message>
        <source>新增(&amp;N)</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>上移(&amp;U)</source>
        <translation>Move &amp;up</translation>
    </message>
    <message>
        <source>下移(&amp;D)</source>
        <translation>Move &amp;down</translation>
    </message>
    <message>
        <source>停用(&amp;R)</source>
        <translation>&amp;Retire</translation>
    </message>
    <message>
        <source>停用后不再出现在清单里; 已有的勾选记录全部保留</source>
        <translation>Retired items leave the checklist; all their past ticks are kept</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>恢复(&amp;R)</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <source>保存修改(&amp;S)</source>
        <translation>&amp;Save changes</translation>
    </message>
    <message>
        <source>添加(&amp;S)</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <source>全部完成</source>
        <translation>All done</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>岗位</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>周期</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>应做</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>本人勾选</source>
        <translation>Ticked personally</translation>
    </message>
    <message>
        <source>完成率</source>
        <translation>Completion</translation>
    </message>
    <message>
        <source>应做: 分配给此人岗位或本人的项目次数; 完成: 其中已勾选或跳过的; 本人勾选: 由此人亲自勾选的</source>
        <translation>Due: times an item was assigned to this person&apos;s role or to them; Done: of those, ticked or skipped; Ticked personally: ticked by this person</translation>
    </message>
    <message>
        <source>颜色 = 当天所有人项目的完成率; 双击某天打开当天清单</source>
        <translation>Colour = completion of everyone&apos;s items that day; double-click a day to open its checklist</translation>
    </message>
    <message>
        <source>图例:</source>
        <translation>Legend:</translation>
    </message>
    <message>
        <source>按月</source>
        <translation>Monthly</translation>
    </message>
    <message>
        <source>按周</source>
        <translation>Weekly</translation>
    </message>
    <message>
        <source>每人完成率 (本月)</source>
        <translation>Completion per person (this month)</translation>
    </message>
    <message>
        <source>{0} 年 {1} 月: 完成 {2}/{3} ({4})</source>
        <translation>{1}/{0}: done {2}/{3} ({4})</translation>
    </message>
    <message>
        <source>可以修改连接设置 (例如改回本机数据), 然后重新启动 ShopDesk。</source>
        <translation>You can change the connection settings (e.g. back to this PC&apos;s data), then restart ShopDesk.</translation>
    </message>
    <message>
        <source>连接设置…</source>
        <translation>Connection settings…</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>SKU编码</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>商家编码; ⚠ 表示库存低于预警量</source>
        <translation>Merchant code; ⚠ means stock is below the warning level</translation>
    </message>
    <message>
        <source>商品名称</source>
        <translation>Product name</translation>
    </message>
    <message>
        <source>类目</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>层级</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>热销/常销/滞销: 决定安全天数和默认预警量</source>
        <translation>Hot/regular/slow: sets safety days and the default warning level</translation>
    </message>
    <message>
        <source>主推</source>
        <translation>Hero</translation>
    </message>
    <message>
        <source>主推款排在补货表前面</source>
        <translation>Hero products come first on the restock sheet</translation>
    </message>
    <message>
        <source>供应商</source>
        <translation>Supplier</translation>
    </message>
    <message>
        <source>采购周期</source>
        <translation>Lead time</translation>
    </message>
    <message>
        <source>下单到到货的天数 (空=用供应商默认)</source>
        <translation>Days from order to arrival (empty = supplier&apos;s default)</translation>
    </message>
    <message>
        <source>箱规</source>
        <translation>Case pack</translation>
    </message>
    <message>
        <source>每箱件数: 补货量按整箱向上取整</source>
        <translation>Items per case: restock quantities round up to whole cases</translation>
    </message>
    <message>
        <source>起订量</source>
        <translation>MOQ</translation>
    </message>
    <message>
        <source>最小起订量 (MOQ)</source>
        <translation>Minimum order quantity (MOQ)</translation>
    </message>
    <message>
        <source>预警量</source>
        <translation>Warning level</translation>
    </message>
    <message>
        <source>库存低于此数即预警 (空=按层级默认)</source>
        <translation>Warn when stock falls below this (empty = tier default)</translation>
    </message>
    <message>
        <source>库存</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>现有库存 (盘点或导入)</source>
        <translation>Stock on hand (counted or imported)</translation>
    </message>
    <message>
        <source>在途</source>
        <translation>On order</translation>
    </message>
    <message>
        <source>未到货的采购数量</source>
        <translation>Ordered but not yet arrived</translation>
    </message>
    <message>
        <source>日均销量</source>
        <translation>Daily sales</translation>
    </message>
    <message>
        <source>近 28 天销量 ÷ 天数 (活动日不计入)</source>
        <translation>Last 28 days&apos; sales ÷ days (campaign days excluded)</translation>
    </message>
    <message>
        <source>可售天数</source>
        <translation>Days of cover</translation>
    </message>
    <message>
        <source>库存 ÷ 日均销量; ∞ 表示近期无销量</source>
        <translation>Stock ÷ daily sales; ∞ means no recent sales</translation>
    </message>
    <message>
        <source>仅店主和财务可见</source>
        <translation>Only the owner and finance can see this</translation>
    </message>
    <message>
        <source>低于预警量</source>
        <translation>below warning level</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>库存 {0} 低于预警量 {1}</source>
        <translation>Stock {0} is below the warning level {1}</translation>
    </message>
    <message>
        <source>供应商默认采购周期</source>
        <translation>Supplier&apos;s default lead time</translation>
    </message>
    <message>
        <source>按层级默认的预警量 (可在设置里修改)</source>
        <translation>Tier&apos;s default warning level (change it in Settings)</translation>
    </message>
    <message>
        <source>可售天数少于采购周期: 现在下单也会断货</source>
        <translation>Days of cover are shorter than the lead time: even ordering now will run out</translation>
    </message>
    <message>
        <source>⚠ 低于预警量</source>
        <translation>⚠ below warning level</translation>
    </message>
    <message>
        <source>预计在 表日+采购周期 之前到货的采购数量</source>
        <translation>Purchase quantity expected before sheet day + lead time</translation>
    </message>
    <message>
        <source>表日前 28 天的日均销量, 活动日不计入</source>
        <translation>Average daily sales over the 28 days before the sheet day, campaign days excluded</translation>
    </message>
    <message>
        <source>覆盖天数</source>
        <translation>Cover days</translation>
    </message>
    <message>
        <source>采购周期 + 补货周期 + 安全天数</source>
        <translation>Lead time + review period + safety days</translation>
    </message>
    <message>
        <source>活动增量</source>
        <translation>Campaign extra</translation>
    </message>
    <message>
        <source>覆盖期内活动带来的额外销量: 日均×(倍数−1)×重叠天数</source>
        <translation>Extra sales from campaigns within the cover period: daily × (× − 1) × overlapping days</translation>
    </message>
    <message>
        <source>库存 ÷ 日均销量; 红色=少于采购周期, 会断货</source>
        <translation>Stock ÷ daily sales; red = shorter than the lead time, will run out</translation>
    </message>
    <message>
        <source>建议补货</source>
        <translation>Suggested</translation>
    </message>
    <message>
        <source>按公式: 向上取整到箱规, 不少于起订量</source>
        <translation>By the formula: rounded up to the case pack, at least the MOQ</translation>
    </message>
    <message>
        <source>补货数量</source>
        <translation>Order qty</translation>
    </message>
    <message>
        <source>可修改; 修改会记录修改人和时间</source>
        <translation>Editable; who changed it and when is recorded</translation>
    </message>
    <message>
        <source>修改人</source>
        <translation>Changed by</translation>
    </message>
    <message>
        <source>供应商: {0}  ·  {1} 个 SKU  ·  合计 {2} 件</source>
        <translation>Supplier: {0}  ·  {1} SKUs  ·  {2} items in all</translation>
    </message>
    <message>
        <source>需求 = ⌈{0:.2f}×{1} + {2:.1f}⌉ − {3} − {4} = {5}</source>
        <translation>Need = ⌈{0:.2f}×{1} + {2:.1f}⌉ − {3} − {4} = {5}</translation>
    </message>
    <message>
        <source>{0} 采购周期 + {1} 补货周期 + {2} 安全天数</source>
        <translation>{0} lead time + {1} review period + {2} safety days</translation>
    </message>
    <message>
        <source>{0} 改为 {1} (建议 {2}){3}</source>
        <translation>{0} changed to {1} (suggested {2}){3}</translation>
    </message>
    <message>
        <source>单号</source>
        <translation>PO no.</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>预计到货</source>
        <translation>ETA</translation>
    </message>
    <message>
        <source>未到货</source>
        <translation>Not arrived</translation>
    </message>
    <message>
        <source>已到货 {0:%m-%d} {1}</source>
        <translation>Arrived {0:%m-%d} {1}</translation>
    </message>
    <message>
        <source>默认采购周期(天)</source>
        <translation>Default lead time (days)</translation>
    </message>
    <message>
        <source>商品未单独设置采购周期时使用</source>
        <translation>Used when a product has no lead time of its own</translation>
    </message>
    <message>
        <source>联系人/电话</source>
        <translation>Contact/phone</translation>
    </message>
    <message>
        <source>供货条款</source>
        <translation>Terms</translation>
    </message>
    <message>
        <source>账期、一件代发条件等; 仅店主和财务可见</source>
        <translation>Payment terms, drop-shipping conditions etc.; only the owner and finance can see this</translation>
    </message>
    <message>
        <source>客服</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>售后客服素质</source>
        <translation>After-sales quality</translation>
    </message>
    <message>
        <source>素质</source>
        <translation>Quality</translation>
    </message>
    <message>
        <source>纠纷处理</source>
        <translation>Dispute handling</translation>
    </message>
    <message>
        <source>纠纷</source>
        <translation>Disputes</translation>
    </message>
    <message>
        <source>配合度</source>
        <translation>Cooperation</translation>
    </message>
    <message>
        <source>配合</source>
        <translation>Coop.</translation>
    </message>
    <message>
        <source>执行力</source>
        <translation>Execution</translation>
    </message>
    <message>
        <source>执行</source>
        <translation>Exec.</translation>
    </message>
    <message>
        <source>低质评价</source>
        <translation>Poor reviews</translation>
    </message>
    <message>
        <source>投诉扣分</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <source>突出表现</source>
        <translation>Outstanding</translation>
    </message>
    <message>
        <source>突出</source>
        <translation>Outst.</translation>
    </message>
    <message>
        <source>退款率</source>
        <translation>Refund rate</translation>
    </message>
    <message>
        <source>出勤率</source>
        <translation>Attendance rate</translation>
    </message>
    <message>
        <source>出勤</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>平均首次响应时间</source>
        <translation>Avg. first response time</translation>
    </message>
    <message>
        <source>响应(秒)</source>
        <translation>Resp. (s)</translation>
    </message>
    <message>
        <source>询单转化率</source>
        <translation>Inquiry conversion rate</translation>
    </message>
    <message>
        <source>询单转化</source>
        <translation>Inq. conv.</translation>
    </message>
    <message>
        <source>{0}分</source>
        <translation>{0} pts</translation>
    </message>
    <message>
        <source>项目分</source>
        <translation>Item score</translation>
    </message>
    <message>
        <source>六项考核得分之和 (满分 {0})</source>
        <translation>Sum of the six scored items (out of {0})</translation>
    </message>
    <message>
        <source>扣分</source>
        <translation>Deductions</translation>
    </message>
    <message>
        <source>低质评价与投诉扣分</source>
        <translation>Deductions for poor reviews and complaints</translation>
    </message>
    <message>
        <source>加分</source>
        <translation>Additions</translation>
    </message>
    <message>
        <source>表扬与突出表现加分</source>
        <translation>Additions for praise and outstanding work</translation>
    </message>
    <message>
        <source>总分</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>项目分 − 扣分 + 加分, 限制在 0 到满分之间</source>
        <translation>Item score − deductions + additions, kept between 0 and the maximum</translation>
    </message>
    <message>
        <source>合格</source>
        <translation>Pass</translation>
    </message>
    <message>
        <source>总分 ≥ 合格线才有绩效奖金</source>
        <translation>Only a total at or above the pass line earns a bonus</translation>
    </message>
    <message>
        <source>绩效奖金</source>
        <translation>Bonus</translation>
    </message>
    <message>
        <source>奖金池 × 总分 ÷ 满分</source>
        <translation>Bonus pool × total ÷ maximum</translation>
    </message>
    <message>
        <source>应发工资</source>
        <translation>Pay</translation>
    </message>
    <message>
        <source>底薪 + 绩效奖金</source>
        <translation>Base pay + bonus</translation>
    </message>
    <message>
        <source>未填完</source>
        <translation>Incomplete</translation>
    </message>
    <message>
        <source>不合格</source>
        <translation>Fail</translation>
    </message>
    <message>
        <source>得分: {0} / {1}</source>
        <translation>Score: {0} / {1}</translation>
    </message>
    <message>
        <source>(只读)</source>
        <translation>(read-only)</translation>
    </message>
    <message>
        <source>还没填: {0}</source>
        <translation>Still to fill in: {0}</translation>
    </message>
    <message>
        <source>员工</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>主管</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>店主</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>财务</source>
        <translation>Finance</translation>
    </message>
    <message>
        <source>修改商品和库存</source>
        <translation>Change products and stock</translation>
    </message>
    <message>
        <source>查看成本价</source>
        <translation>See cost prices</translation>
    </message>
    <message>
        <source>保存补货单</source>
        <translation>Save restock sheets</translation>
    </message>
    <message>
        <source>编辑活动</source>
        <translation>Edit campaigns</translation>
    </message>
    <message>
        <source>录入客服绩效</source>
        <translation>Enter service KPIs</translation>
    </message>
    <message>
        <source>查看所有人的绩效和奖金</source>
        <translation>See everyone&apos;s KPIs and bonuses</translation>
    </message>
    <message>
        <source>重新打开已定稿的绩效</source>
        <translation>Reopen finalised KPIs</translation>
    </message>
    <message>
        <source>修改考核表</source>
        <translation>Change scorecards</translation>
    </message>
    <message>
        <source>录入经营数据</source>
        <translation>Enter business data</translation>
    </message>
    <message>
        <source>管理用户</source>
        <translation>Manage users</translation>
    </message>
    <message>
        <source>修改设置</source>
        <translation>Change settings</translation>
    </message>
    <message>
        <source>查看操作日志</source>
        <translation>View the audit log</translation>
    </message>
    <message>
        <source>备份数据</source>
        <translation>Back up data</translation>
    </message>
    <message>
        <source>恢复数据</source>
        <translation>Restore data</translation>
    </message>
    <message>
        <source>每天</source>
        <translation>Daily</translation>
    </message>
    <message>
        <source>工作日</source>
        <translation>Workdays</translation>
    </message>
    <message>
        <source>每周</source>
        <translation>Weekly</translation>
    </message>
    <message>
        <source>每月</source>
        <translation>Monthly</translation>
    </message>
    <message>
        <source>周一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>周二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>周三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>周四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>周五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>周六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>周日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source>过期作废</source>
        <translation>Expires</translation>
    </message>
    <message>
        <source>顺延到完成</source>
        <translation>Rolls over</translation>
    </message>
    <message>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>已跳过</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <source>待完成</source>
        <translation>To do</translation>
    </message>
    <message>
        <source>逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>漏检</source>
        <translation>Missed</translation>
    </message>
    <message>
        <source>不及格</source>
        <translation>Fail</translation>
    </message>
    <message>
        <source>及格</source>
        <translation>Pass</translation>
    </message>
    <message>
        <source>良好</source>
        <translation>Good</translation>
    </message>
    <message>
        <source>优秀</source>
        <translation>Excellent</translation>
    </message>
    <message>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>已发布</source>
        <translation>Published</translation>
    </message>
    <message>
        <source>已定稿</source>
        <translation>Final</translation>
    </message>
    <message>
        <source>待处理</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>已接受</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>已驳回</source>
        <translation>Denied</translation>
    </message>
    <message>
        <source>等级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>档位</source>
        <translation>Bands</translation>
    </message>
    <message>
        <source>直接打分</source>
        <translation>Direct score</translation>
    </message>
    <message>
        <source>按次数</source>
        <translation>Per occurrence</translation>
    </message>
    <message>
        <source>每次自定分值</source>
        <translation>Amount each time</translation>
    </message>
    <message>
        <source>每月一次</source>
        <translation>Once a month</translation>
    </message>
    <message>
        <source>热销</source>
        <translation>Hot</translation>
    </message>
    <message>
        <source>常销</source>
        <translation>Regular</translation>
    </message>
    <message>
        <source>滞销</source>
        <translation>Slow</translation>
    </message>
    <message>
        <source>销量</source>
        <translation>Sales</translation>
    </message>
    <message>
        <source>到货计划</source>
        <translation>Arrivals</translation>
    </message>
    <message>
        <source>一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source>计划</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>已报名</source>
        <translation>Signed up</translation>
    </message>
    <message>
        <source>已通过</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>备货</source>
        <translation>Stocking up</translation>
    </message>
    <message>
        <source>已通知</source>
        <translation>Team told</translation>
    </message>
    <message>
        <source>页面设计</source>
        <translation>Page design</translation>
    </message>
    <message>
        <source>推广准备</source>
        <translation>Promotion prep</translation>
    </message>
    <message>
        <source>进行中</source>
        <translation>Running</translation>
    </message>
    <message>
        <source>已总结</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <source>未通过</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>官方活动</source>
        <translation>Platform campaign</translation>
    </message>
    <message>
        <source>自主活动</source>
        <translation>Own campaign</translation>
    </message>
    <message>
        <source>法定节假日</source>
        <translation>Public holiday</translation>
    </message>
    <message>
        <source>调休上班</source>
        <translation>Make-up workday</translation>
    </message>
    <message>
        <source>电商节</source>
        <translation>Shopping festival</translation>
    </message>
    <message>
        <source>可以报名</source>
        <translation>Go: sign up</translation>
    </message>
    <message>
        <source>利润偏薄, 谨慎报名</source>
        <translation>Thin margin: sign up with care</translation>
    </message>
    <message>
        <source>不建议报名(亏损)</source>
        <translation>Don&apos;t sign up (loss)</translation>
    </message>
    <message>
        <source>开始 − 最慢SKU交期</source>
        <translation>Start − slowest SKU lead time</translation>
    </message>
    <message>
        <source>访客数</source>
        <translation>Visitors</translation>
    </message>
    <message>
        <source>浏览量</source>
        <translation>Page views</translation>
    </message>
    <message>
        <source>支付买家数</source>
        <translation>Paying buyers</translation>
    </message>
    <message>
        <source>支付订单数</source>
        <translation>Paid orders</translation>
    </message>
    <message>
        <source>支付金额</source>
        <translation>Paid amount</translation>
    </message>
    <message>
        <source>支付转化率</source>
        <translation>Conversion rate</translation>
    </message>
    <message>
        <source>客单价</source>
        <translation>Order value</translation>
    </message>
    <message>
        <source>跳失率</source>
        <translation>Bounce rate</translation>
    </message>
    <message>
        <source>人均浏览量</source>
        <translation>Pages per visit</translation>
    </message>
    <message>
        <source>描述相符</source>
        <translation>As described</translation>
    </message>
    <message>
        <source>服务态度</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>物流服务</source>
        <translation>Logistics</translation>
    </message>
    <message>
        <source>售后综合分</source>
        <translation>After-sales score</translation>
    </message>
    <message>
        <source>免邮费用</source>
        <translation>Free shipping cost</translation>
    </message>
    <message>
        <source>打折促销</source>
        <translation>Discounts</translation>
    </message>
    <message>
        <source>访客数 (UV): 店铺各页面的访问人数, 同一访客一天内多次访问只计一次。</source>
        <translation>Visitors (UV): people who visited the shop&apos;s pages; a visitor counts once a day however often they come.</translation>
    </message>
    <message>
        <source>浏览量 (PV): 店铺各页面被查看的次数, 同一访客多次打开累加计算。</source>
        <translation>Page views (PV): how often the shop&apos;s pages were viewed; repeat views by one visitor all count.</translation>
    </message>
    <message>
        <source>支付买家数: 统计日内完成支付的去重买家人数。</source>
        <translation>Paying buyers: distinct buyers who paid on the day.</translation>
    </message>
    <message>
        <source>支付订单数: 统计日内完成支付的订单数。</source>
        <translation>Paid orders: orders paid on the day.</translation>
    </message>
    <message>
        <source>支付金额: 买家拍下后支付的金额合计, 不扣除退款。</source>
        <translation>Paid amount: total buyers paid after ordering, before refunds.</translation>
    </message>
    <message>
        <source>支付转化率 = 支付买家数 ÷ 访客数。</source>
        <translation>Conversion rate = paying buyers ÷ visitors.</translation>
    </message>
    <message>
        <source>客单价 = 支付金额 ÷ 支付买家数。</source>
        <translation>Order value = paid amount ÷ paying buyers.</translation>
    </message>
    <message>
        <source>跳失率: 只浏览了一个页面就离开的访客占比, 越低越好。</source>
        <translation>Bounce rate: share of visitors who left after one page; lower is better.</translation>
    </message>
    <message>
        <source>人均浏览量 (访问深度) = 浏览量 ÷ 访客数。</source>
        <translation>Pages per visit (visit depth) = page views ÷ visitors.</translation>
    </message>
    <message>
        <source>DSR 宝贝与描述相符: 近 180 天买家评分的平均值 (满分 5)。</source>
        <translation>DSR item as described: average buyer rating over the last 180 days (out of 5).</translation>
    </message>
    <message>
        <source>DSR 卖家服务态度: 近 180 天买家评分的平均值 (满分 5)。</source>
        <translation>DSR seller service: average buyer rating over the last 180 days (out of 5).</translation>
    </message>
    <message>
        <source>DSR 物流服务质量: 近 180 天买家评分的平均值 (满分 5)。</source>
        <translation>DSR logistics: average buyer rating over the last 180 days (out of 5).</translation>
    </message>
    <message>
        <source>售后综合分: 平台对退款、纠纷处理的综合评分。</source>
        <translation>After-sales score: the platform&apos;s overall score for refunds and dispute handling.</translation>
    </message>
    <message>
        <source>免邮费用: 店铺为包邮承担的运费, 计入店铺 ROI 成本。</source>
        <translation>Free shipping cost: postage the shop paid for free delivery; counts in the shop ROI&apos;s cost.</translation>
    </message>
    <message>
        <source>打折促销: 优惠券、满减、折扣让利金额, 计入店铺 ROI 成本。</source>
        <translation>Discounts: coupons, spend-and-save and price cuts given away; counts in the shop ROI&apos;s cost.</translation>
    </message>
    <message>
        <source>已列入计划, 还未报名</source>
        <translation>Planned, not yet signed up</translation>
    </message>
    <message>
        <source>已向平台报名, 等待审核</source>
        <translation>Signed up with the platform, awaiting approval</translation>
    </message>
    <message>
        <source>平台审核通过</source>
        <translation>Approved by the platform</translation>
    </message>
    <message>
        <source>活动商品已备好货</source>
        <translation>The campaign&apos;s products are stocked</translation>
    </message>
    <message>
        <source>已通知客服、仓库等同事活动规则</source>
        <translation>Service, warehouse and other colleagues know the campaign rules</translation>
    </message>
    <message>
        <source>活动页面、海报已做好</source>
        <translation>Campaign pages and posters are ready</translation>
    </message>
    <message>
        <source>推广计划已准备</source>
        <translation>Promotion plan is ready</translation>
    </message>
    <message>
        <source>活动进行中</source>
        <translation>Campaign is running</translation>
    </message>
    <message>
        <source>已录入实际销售、成本并写好活动总结</source>
        <translation>Actual sales and cost entered and the review written</translation>
    </message>
    <message>
        <source>报名未通过: 记录原因, 关注同行其他商家并做初步分析</source>
        <translation>Sign-up rejected: record why, watch the competitors who got in and make a first analysis</translation>
    </message>
    <message>
        <source>活动已取消</source>
        <translation>Campaign cancelled</translation>
    </message>
    <message>
        <source>主推款库存</source>
        <translation>Hero product stock</translation>
    </message>
    <message>
        <source>DSR 综合评分</source>
        <translation>DSR overall score</translation>
    </message>
    <message>
        <source>昨日访客/转化/销售额</source>
        <translation>Yesterday&apos;s visitors/conversion/sales</translation>
    </message>
    <message>
        <source>昨日推广 ROI</source>
        <translation>Yesterday&apos;s promotion ROI</translation>
    </message>
    <message>
        <source>没有这个 SKU: {0}</source>
        <translation>No such SKU: {0}</translation>
    </message>
    <message>
        <source>与第 {0} 行重复: 同一 SKU 只写一行</source>
        <translation>Same as line {0}: one line per SKU</translation>
    </message>
    <message>
        <source>{0} 的供应商是 {1}, 不是 {2}</source>
        <translation>The supplier of {0} is {1}, not {2}</translation>
    </message>
    <message>
        <source>数量应在 1 到 {0:,} 之间</source>
        <translation>Quantity must be between 1 and {0:,}</translation>
    </message>
    <message>
        <source>预计到货不能早于今天</source>
        <translation>Expected arrival cannot be before today</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Object</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>修改前</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>修改后</source>
        <translation>After</translation>
    </message>
    <message>
        <source>广告渠道</source>
        <translation>Ad channel</translation>
    </message>
    <message>
        <source>活动任务</source>
        <translation>Campaign task</translation>
    </message>
    <message>
        <source>检查记录</source>
        <translation>Checklist record</translation>
    </message>
    <message>
        <source>经营数据</source>
        <translation>Shop metrics</translation>
    </message>
    <message>
        <source>演示数据</source>
        <translation>Demo data</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>考核表</source>
        <translation>Scorecard</translation>
    </message>
    <message>
        <source>绩效申诉</source>
        <translation>KPI dispute</translation>
    </message>
    <message>
        <source>绩效月份</source>
        <translation>KPI month</translation>
    </message>
    <message>
        <source>绩效分数</source>
        <translation>KPI score</translation>
    </message>
    <message>
        <source>经营数据导入</source>
        <translation>Metrics import</translation>
    </message>
    <message>
        <source>采购单</source>
        <translation>Purchase order</translation>
    </message>
    <message>
        <source>补货单</source>
        <translation>Restock sheet</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>添加客服</source>
        <translation>Add agents</translation>
    </message>
    <message>
        <source>作废</source>
        <translation>Void</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>生成演示</source>
        <translation>Generate demo</translation>
    </message>
    <message>
        <source>接受申诉</source>
        <translation>Accept dispute</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>定稿</source>
        <translation>Finalise</translation>
    </message>
    <message>
        <source>生成</source>
        <translation>Generate</translation>
    </message>
    <message>
        <source>安装默认项目</source>
        <translation>Install defaults</translation>
    </message>
    <message>
        <source>锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>移动</source>
        <translation>Move</translation>
    </message>
    <message>
        <source>新版本</source>
        <translation>New version</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>下单</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>手动修改</source>
        <translation>Manual change</translation>
    </message>
    <message>
        <source>发布</source>
        <translation>Publish</translation>
    </message>
    <message>
        <source>提出申诉</source>
        <translation>Raise dispute</translation>
    </message>
    <message>
        <source>重新启用</source>
        <translation>Reactivate</translation>
    </message>
    <message>
        <source>到货</source>
        <translation>Receive</translation>
    </message>
    <message>
        <source>核对修正</source>
        <translation>Reconcile</translation>
    </message>
    <message>
        <source>重新打开</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>调整顺序</source>
        <translation>Reorder</translation>
    </message>
    <message>
        <source>重设 PIN</source>
        <translation>Reset PIN</translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>复盘</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>跳过</source>
        <translation>Skip</translation>
    </message>
    <message>
        <source>阶段变更</source>
        <translation>Stage change</translation>
    </message>
    <message>
        <source>打勾</source>
        <translation>Tick</translation>
    </message>
    <message>
        <source>再次打勾</source>
        <translation>Tick again</translation>
    </message>
    <message>
        <source>撤销到货</source>
        <translation>Undo receipt</translation>
    </message>
    <message>
        <source>取消打勾</source>
        <translation>Untick</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Update</translation>
    </message>
    <message>
        <source>前一日无数据</source>
        <translation>No data for the day before</translation>
    </message>
    <message>
        <source> (向好)</source>
        <translation> (better)</translation>
    </message>
    <message>
        <source> (变差)</source>
        <translation> (worse)</translation>
    </message>
    <message>
        <source>前一日 {0}</source>
        <translation>Day before: {0}</translation>
    </message>
    <message>
        <source>⚠ 变化超过 ±{0}%, 请查看原因</source>
        <translation>⚠ Changed by more than ±{0}%: find out why</translation>
    </message>
    <message>
        <source>行数</source>
        <translation>Lines</translation>
    </message>
    <message>
        <source>合计件数</source>
        <translation>Total units</translation>
    </message>
    <message>
        <source>(无供应商)</source>
        <translation>(no supplier)</translation>
    </message>
    <message>
        <source>部分到货 {0}/{1}</source>
        <translation>Partly received {0}/{1}</translation>
    </message>
    <message>
        <source>已到货</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>各行的预计到货日期不同: 最早 {0}, 最晚 {1}</source>
        <translation>Lines arrive on different dates: earliest {0}, latest {1}</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>撤销勾选</source>
        <translation>Undo tick</translation>
    </message>
    <message>
        <source>勾选</source>
        <translation>Tick</translation>
    </message>
    <message>
        <source>打开活动</source>
        <translation>Open campaign</translation>
    </message>
    <message>
        <source>打开相关页面</source>
        <translation>Open the linked page</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <source>添加用户</source>
        <translation>Add user</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>岗位</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>客服级别</source>
        <translation>Service level</translation>
    </message>
    <message>
        <source>主管</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>PIN (可选, 4–8 位数字)</source>
        <translation>PIN (optional, 4–8 digits)</translation>
    </message>
</context>
<context>
    <name>AgentCardView</name>
    <message>
        <source>对某一项提出申诉…</source>
        <translation>Dispute an item…</translation>
    </message>
    <message>
        <source>这个月还没有已发布的绩效 (主管: 在评分表中选中一位客服再看明细)。</source>
        <translation>No published KPIs this month yet (supervisors: select an agent in the grid to see details).</translation>
    </message>
    <message>
        <source>{0} 的绩效 · {1} · {2}</source>
        <translation>{0}&apos;s KPIs · {1} · {2}</translation>
    </message>
    <message>
        <source> (申诉截止 {0:%Y-%m-%d %H:%M})</source>
        <translation> (disputes close {0:%Y-%m-%d %H:%M})</translation>
    </message>
    <message>
        <source>合格</source>
        <translation>Pass</translation>
    </message>
    <message>
        <source>不合格, 无绩效奖金</source>
        <translation>Fail: no bonus</translation>
    </message>
    <message>
        <source>项目分 {0} − 扣分 {1} + 加分 {2} = &lt;b&gt;总分 {3}&lt;/b&gt; / {4} (合格线 {5}) {6}&lt;br&gt;底薪 {7:,.2f} 元 + 绩效奖金 {8:,.2f} 元 = &lt;b&gt;应发 {9:,.2f} 元&lt;/b&gt;</source>
        <translation>Item score {0} − deductions {1} + additions {2} = &lt;b&gt;total {3}&lt;/b&gt; / {4} (pass line {5}) {6}&lt;br&gt;Base pay {7:,.2f} yuan + bonus {8:,.2f} yuan = &lt;b&gt;pay {9:,.2f} yuan&lt;/b&gt;</translation>
    </message>
    <message>
        <source>怎样达到合格线</source>
        <translation>How to reach the pass line</translation>
    </message>
    <message>
        <source>下个月怎样拿更多奖金</source>
        <translation>How to earn a bigger bonus next month</translation>
    </message>
    <message>
        <source>我的申诉:</source>
        <translation>My disputes:</translation>
    </message>
</context>
<context>
    <name>AnswerDialog</name>
    <message>
        <source>接受申诉</source>
        <translation>Accept dispute</translation>
    </message>
    <message>
        <source>驳回申诉</source>
        <translation>Deny dispute</translation>
    </message>
    <message>
        <source>申诉</source>
        <translation>Dispute</translation>
    </message>
    <message>
        <source>新的值, 例如 良 或 4.5%</source>
        <translation>New value, e.g. 良 or 4.5%</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>新值</source>
        <translation>New value</translation>
    </message>
    <message>
        <source>处理结果 (可选)</source>
        <translation>Outcome (optional)</translation>
    </message>
    <message>
        <source>驳回原因 (必填)</source>
        <translation>Reason for denial (required)</translation>
    </message>
    <message>
        <source>答复</source>
        <translation>Reply</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>操作日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>全部用户</source>
        <translation>All users</translation>
    </message>
    <message>
        <source>全部对象</source>
        <translation>All objects</translation>
    </message>
    <message>
        <source>导出(&amp;E)…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Object</translation>
    </message>
    <message>
        <source>从</source>
        <translation>From</translation>
    </message>
    <message>
        <source>到</source>
        <translation>To</translation>
    </message>
    <message>
        <source>{0} 条</source>
        <translation>{0} entries</translation>
    </message>
    <message>
        <source>导出操作日志</source>
        <translation>Export audit log</translation>
    </message>
    <message>
        <source>操作日志.xlsx</source>
        <translation>audit-log.xlsx</translation>
    </message>
    <message>
        <source>已导出到 {0}</source>
        <translation>Exported to {0}</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>备份与恢复</source>
        <translation>Backups and restore</translation>
    </message>
    <message>
        <source>备份文件夹: {0}</source>
        <translation>Backup folder: {0}</translation>
    </message>
    <message>
        <source>每天第一次启动时自动备份; 保留最近 7 天、4 周、12 个月各一份。</source>
        <translation>Backed up automatically at the first start each day; one copy each is kept for the last 7 days, 4 weeks and 12 months.</translation>
    </message>
    <message>
        <source>立即备份(&amp;B)</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <source>从选中的备份恢复(&amp;R)…</source>
        <translation>&amp;Restore the selected backup…</translation>
    </message>
    <message>
        <source>从文件恢复(&amp;F)…</source>
        <translation>Restore from &amp;file…</translation>
    </message>
    <message>
        <source>只有店主可以恢复数据</source>
        <translation>Only the owner can restore data</translation>
    </message>
    <message>
        <source>已备份到 {0}</source>
        <translation>Backed up to {0}</translation>
    </message>
    <message>
        <source>选择备份文件</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <source>恢复数据</source>
        <translation>Restore data</translation>
    </message>
    <message>
        <source>用 {0} 替换当前数据? 当前数据会先另存一份备份。恢复后 ShopDesk 会关闭, 请重新打开。</source>
        <translation>Replace the current data with {0}? The current data is backed up first. ShopDesk closes after the restore; please open it again.</translation>
    </message>
    <message>
        <source>已恢复。ShopDesk 现在关闭, 请重新打开。</source>
        <translation>Restored. ShopDesk closes now; please open it again.</translation>
    </message>
</context>
<context>
    <name>BackupsModel</name>
    <message>
        <source>每日自动</source>
        <translation>Daily (automatic)</translation>
    </message>
    <message>
        <source>手动</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>升级前</source>
        <translation>Before upgrade</translation>
    </message>
    <message>
        <source>恢复前</source>
        <translation>Before restore</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
</context>
<context>
    <name>CalendarGrid</name>
    <message>
        <source>活动日历</source>
        <translation>Campaign calendar</translation>
    </message>
    <message>
        <source>周{0}</source>
        <translation>{0}</translation>
    </message>
    <message>
        <source>班</source>
        <translation>Work</translation>
    </message>
    <message>
        <source>+{0}</source>
        <translation>+{0}</translation>
    </message>
    <message>
        <source> (暂定, 国务院尚未公布)</source>
        <translation> (provisional: not yet announced by the State Council)</translation>
    </message>
    <message>
        <source>阶段: {0} — {1}</source>
        <translation>Stage: {0} — {1}</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <source>活动</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <source>基本信息</source>
        <translation>Basics</translation>
    </message>
    <message>
        <source>活动商品</source>
        <translation>Products</translation>
    </message>
    <message>
        <source>阶段与任务</source>
        <translation>Stages and tasks</translation>
    </message>
    <message>
        <source>利润核算</source>
        <translation>Profit check</translation>
    </message>
    <message>
        <source>活动总结</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>保存基本信息和活动商品 (Ctrl+S)</source>
        <translation>Save the basics and the campaign&apos;s products (Ctrl+S)</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>例如: 双11 主会场</source>
        <translation>e.g. Double 11 main venue</translation>
    </message>
    <message>
        <source>官方活动需报名并经平台审核; 自主活动直接备货</source>
        <translation>Platform campaigns need sign-up and platform approval; own campaigns go straight to stocking up</translation>
    </message>
    <message>
        <source>有报名截止日</source>
        <translation>Has a sign-up deadline</translation>
    </message>
    <message>
        <source>不重复</source>
        <translation>Does not repeat</translation>
    </message>
    <message>
        <source>每周</source>
        <translation>Weekly</translation>
    </message>
    <message>
        <source>每月</source>
        <translation>Monthly</translation>
    </message>
    <message>
        <source>重复的店铺活动 (如周一团购、会员日) 按规则显示在每一天, 不复制记录</source>
        <translation>A repeating shop campaign (e.g. Monday group buy, members&apos; day) shows on each of its days without copying the record</translation>
    </message>
    <message>
        <source>周{0}</source>
        <translation>{0}</translation>
    </message>
    <message>
        <source> 日</source>
        <translation> (day)</translation>
    </message>
    <message>
        <source>29–31 日在小月落在月末</source>
        <translation>Days 29–31 fall on the last day of shorter months</translation>
    </message>
    <message>
        <source>例如: 8折 / 满300减50</source>
        <translation>e.g. 20% off / 50 off over 300</translation>
    </message>
    <message>
        <source>写成“8折”或“85%”时, 利润核算会按它换算活动价</source>
        <translation>Written as “20% off” (8折) or “85%”, the profit check turns it into the campaign price</translation>
    </message>
    <message>
        <source>元</source>
        <translation>yuan</translation>
    </message>
    <message>
        <source>(未指定)</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <source>活动名称</source>
        <translation>Campaign name</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>平台</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>开始</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>结束</source>
        <translation>End</translation>
    </message>
    <message>
        <source>报名截止</source>
        <translation>Sign-up deadline</translation>
    </message>
    <message>
        <source>重复</source>
        <translation>Repeats</translation>
    </message>
    <message>
        <source>优惠内容</source>
        <translation>Offer</translation>
    </message>
    <message>
        <source>预算</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>负责人</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>新建活动</source>
        <translation>New campaign</translation>
    </message>
    <message>
        <source>活动: {0}</source>
        <translation>Campaign: {0}</translation>
    </message>
    <message>
        <source>未通过原因: {0}</source>
        <translation>Reason rejected: {0}</translation>
    </message>
    <message>
        <source>新建活动 (模板: {0})</source>
        <translation>New campaign (template: {0})</translation>
    </message>
    <message>
        <source>按模板“{0}”填好了常用日期、报名截止和优惠; 请核对日期和预算, 点“保存”才会创建。</source>
        <translation>Filled in from the template “{0}” with the usual dates, sign-up deadline and discount; check the dates and budget — the campaign is created only when you click “Save”.</translation>
    </message>
    <message>
        <source>活动有未保存的修改。要保存吗?</source>
        <translation>The campaign has unsaved changes. Save them?</translation>
    </message>
    <message>
        <source>放弃</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>每周重复请至少选一天</source>
        <translation>Pick at least one weekday for a weekly repeat</translation>
    </message>
    <message>
        <source>预算: {0}</source>
        <translation>Budget: {0}</translation>
    </message>
    <message>
        <source>活动已保存</source>
        <translation>Campaign saved</translation>
    </message>
    <message>
        <source>报名未通过</source>
        <translation>Sign-up rejected</translation>
    </message>
    <message>
        <source>未通过的原因 (例如: 销量门槛不够; 同行以更低价入选):</source>
        <translation>Why was it rejected (e.g. sales threshold not met; a competitor got in at a lower price):</translation>
    </message>
</context>
<context>
    <name>CampaignsTab</name>
    <message>
        <source>月</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>周</source>
        <translation>Week</translation>
    </message>
    <message>
        <source>列表</source>
        <translation>List</translation>
    </message>
    <message>
        <source>{0}视图 (Alt+{1})</source>
        <translation>{0} view (Alt+{1})</translation>
    </message>
    <message>
        <source>上一页 (PageUp)</source>
        <translation>Previous (PageUp)</translation>
    </message>
    <message>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>回到今天 (Home)</source>
        <translation>Back to today (Home)</translation>
    </message>
    <message>
        <source>下一页 (PageDown)</source>
        <translation>Next (PageDown)</translation>
    </message>
    <message>
        <source>新建活动</source>
        <translation>New campaign</translation>
    </message>
    <message>
        <source>空白活动, 或按模板一步创建 (618、双11、周一团购 …)</source>
        <translation>A blank campaign, or one step from a template (618, Double 11, Monday group buy …)</translation>
    </message>
    <message>
        <source>空白活动…</source>
        <translation>Blank campaign…</translation>
    </message>
    <message>
        <source>模板: {0}</source>
        <translation>Template: {0}</translation>
    </message>
    <message>
        <source>导出/打印</source>
        <translation>Export/print</translation>
    </message>
    <message>
        <source>导出或打印当前显示范围的活动</source>
        <translation>Export or print the campaigns in view</translation>
    </message>
    <message>
        <source>日历文件 (.ics, 可导入手机/电脑日历)…</source>
        <translation>Calendar file (.ics, for phone/PC calendars)…</translation>
    </message>
    <message>
        <source>活动计划表 Excel (.xlsx)…</source>
        <translation>Campaign plan, Excel (.xlsx)…</translation>
    </message>
    <message>
        <source>活动计划表 PDF…</source>
        <translation>Campaign plan, PDF…</translation>
    </message>
    <message>
        <source>打印活动计划表…</source>
        <translation>Print campaign plan…</translation>
    </message>
    <message>
        <source> (空白活动: Ctrl+N)</source>
        <translation> (blank campaign: Ctrl+N)</translation>
    </message>
    <message>
        <source> (Excel: Ctrl+E, 打印: Ctrl+P)</source>
        <translation> (Excel: Ctrl+E, print: Ctrl+P)</translation>
    </message>
    <message>
        <source>搜索名称、平台、优惠</source>
        <translation>Search name, platform, offer</translation>
    </message>
    <message>
        <source>全部阶段</source>
        <translation>All stages</translation>
    </message>
    <message>
        <source>进行中和未来的 (不含未通过/已取消)</source>
        <translation>Running and upcoming (not rejected/cancelled)</translation>
    </message>
    <message>
        <source>全部类型</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>红字 = 法定节假日</source>
        <translation>Red = public holiday</translation>
    </message>
    <message>
        <source>班 = 调休上班</source>
        <translation>Work = make-up workday</translation>
    </message>
    <message>
        <source>橙字 = 电商节</source>
        <translation>Orange = shopping festival</translation>
    </message>
    <message>
        <source>全部活动</source>
        <translation>All campaigns</translation>
    </message>
    <message>
        <source>{0} — {1}</source>
        <translation>{0} — {1}</translation>
    </message>
    <message>
        <source>{0}年的放假安排国务院尚未公布, 节假日为暂定、未含调休</source>
        <translation>The State Council has not yet announced the {0} holiday schedule: holidays are provisional, make-up workdays not included</translation>
    </message>
    <message>
        <source>节假日和节日没有加载成功, 日历照常可用 ({0})</source>
        <translation>Holidays and festivals could not be loaded; the calendar works without them ({0})</translation>
    </message>
    <message>
        <source>{0}天后</source>
        <translation>in {0} days</translation>
    </message>
    <message>
        <source>… 另有 {0} 条</source>
        <translation>… {0} more</translation>
    </message>
    <message>
        <source>近 {0} 天提醒:</source>
        <translation>Coming up in {0} days:</translation>
    </message>
    <message>
        <source>周{0}</source>
        <translation>{0}</translation>
    </message>
    <message>
        <source> (暂定)</source>
        <translation> (provisional)</translation>
    </message>
    <message>
        <source>活动: </source>
        <translation>Campaign: </translation>
    </message>
    <message>
        <source>  —  Enter 打开 / 新建, 方向键移动日期, PageUp/PageDown 翻页</source>
        <translation>  —  Enter opens / creates, arrow keys move the day, PageUp/PageDown turn pages</translation>
    </message>
    <message>
        <source>只有主管和店主可以新建活动</source>
        <translation>Only supervisors and the owner can create campaigns</translation>
    </message>
    <message>
        <source>已按模板创建: {0} ({1} 起)</source>
        <translation>Created from template: {0} (from {1})</translation>
    </message>
    <message>
        <source>已移动 {0}: {1} — {2}</source>
        <translation>Moved {0}: {1} — {2}</translation>
    </message>
    <message>
        <source>导出活动计划</source>
        <translation>Export campaign plan</translation>
    </message>
    <message>
        <source>已导出: {0}</source>
        <translation>Exported: {0}</translation>
    </message>
    <message>
        <source>导出活动日历</source>
        <translation>Export campaign calendar</translation>
    </message>
    <message>
        <source>无法写入 {0}: {1}</source>
        <translation>Cannot write {0}: {1}</translation>
    </message>
</context>
<context>
    <name>CardEditor</name>
    <message>
        <source>编辑考核表</source>
        <translation>Edit scorecard</translation>
    </message>
    <message>
        <source>同名保存为新版本; 改名则另存为一张新考核表</source>
        <translation>Saving under the same name makes a new version; a new name makes a new scorecard</translation>
    </message>
    <message>
        <source>总分达到满分的这个百分比才合格, 才有绩效奖金</source>
        <translation>The total must reach this percentage of the maximum to pass and earn a bonus</translation>
    </message>
    <message>
        <source>绩效奖金 = 奖金池 × 总分 ÷ 满分 (合格时)</source>
        <translation>Bonus = bonus pool × total ÷ maximum (when passed)</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>合格线 (% 满分)</source>
        <translation>Pass line (% of max)</translation>
    </message>
    <message>
        <source>奖金池 (元)</source>
        <translation>Bonus pool (yuan)</translation>
    </message>
    <message>
        <source>底薪 · {0} (元)</source>
        <translation>Base pay · {0} (yuan)</translation>
    </message>
    <message>
        <source>添加项目</source>
        <translation>Add item</translation>
    </message>
    <message>
        <source>删除项目</source>
        <translation>Remove item</translation>
    </message>
    <message>
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>添加扣分项</source>
        <translation>Add deduction</translation>
    </message>
    <message>
        <source>添加加分项</source>
        <translation>Add addition</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>新项目默认按等级评分, 在“类型”列改为档位、出勤或直接打分</source>
        <translation>New items are scored by grade; change it to bands, attendance or direct score in the “Type” column</translation>
    </message>
    <message>
        <source>&lt;b&gt;考核项目&lt;/b&gt; (双击或直接打字修改; Delete 删除; Ctrl+↑↓ 调整顺序)</source>
        <translation>&lt;b&gt;Scored items&lt;/b&gt; (double-click or just type to edit; Delete removes; Ctrl+↑↓ reorders)</translation>
    </message>
    <message>
        <source>&lt;b&gt;扣分与加分&lt;/b&gt; (在项目分之后计算)</source>
        <translation>&lt;b&gt;Deductions and additions&lt;/b&gt; (applied after the item score)</translation>
    </message>
    <message>
        <source>满分合计 {0} 分 · {1} 个考核项 · {2} 个扣分/加分项</source>
        <translation>Maximum {0} points · {1} scored items · {2} deductions/additions</translation>
    </message>
    <message>
        <source>合格线: {0}</source>
        <translation>Pass line: {0}</translation>
    </message>
    <message>
        <source>奖金池: {0}</source>
        <translation>Bonus pool: {0}</translation>
    </message>
    <message>
        <source>{0} 的底薪: {1}</source>
        <translation>Base pay for {0}: {1}</translation>
    </message>
</context>
<context>
    <name>ChannelChart</name>
    <message>
        <source>金额 元</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>花费</source>
        <translation>Spend</translation>
    </message>
    <message>
        <source>成交金额</source>
        <translation>Sales</translation>
    </message>
</context>
<context>
    <name>ChannelsDialog</name>
    <message>
        <source>推广渠道</source>
        <translation>Promotion channels</translation>
    </message>
    <message>
        <source>勾选 = 使用中; 取消勾选 = 停用 (历史数据保留)</source>
        <translation>Ticked = in use; unticked = retired (history is kept)</translation>
    </message>
    <message>
        <source>新渠道名称, 如 抖音推广</source>
        <translation>New channel name, e.g. Douyin ads</translation>
    </message>
    <message>
        <source>添加(&amp;A)</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>已添加渠道 {0}</source>
        <translation>Channel {0} added</translation>
    </message>
    <message>
        <source>{0} 已{1}</source>
        <translation>{0} {1}</translation>
    </message>
</context>
<context>
    <name>ChecklistPreview</name>
    <message>
        <source>保存中…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>这一项要先填写数值或备注: 完整清单打开后 (一两秒) 在那里勾选</source>
        <translation>This item needs a number or a note first: tick it in the full checklist once it has opened (a second or two)</translation>
    </message>
    <message>
        <source>{0} 项改动待保存: 完整清单打开后自动保存</source>
        <translation>{0} change(s) waiting: saved as soon as the full checklist has opened</translation>
    </message>
    <message>
        <source>今天没有分配给你的检查项 · 完整清单正在打开…</source>
        <translation>Nothing assigned to you today · the full checklist is opening…</translation>
    </message>
    <message>
        <source>空格 勾选/撤销 · ↑↓ 移动 · 完整清单正在打开…</source>
        <translation>Space tick/undo · ↑↓ move · the full checklist is opening…</translation>
    </message>
</context>
<context>
    <name>ChecklistTab</name>
    <message>
        <source>周一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>周二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>周三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>周四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>周五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>周六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>周日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source>检查清单</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>完成历史</source>
        <translation>History</translation>
    </message>
    <message>
        <source>前一天 (Alt+←)</source>
        <translation>Previous day (Alt+←)</translation>
    </message>
    <message>
        <source>打开另一天查看或补勾 (补勾会同时记下所属日期和实际时间)</source>
        <translation>Open another day to look or tick late (a late tick records both the day it belongs to and the actual time)</translation>
    </message>
    <message>
        <source>后一天 (Alt+→)</source>
        <translation>Next day (Alt+→)</translation>
    </message>
    <message>
        <source>今天(&amp;T)</source>
        <translation>&amp;Today</translation>
    </message>
    <message>
        <source>显示所有人的项目(&amp;A)</source>
        <translation>Show &amp;everyone&apos;s items</translation>
    </message>
    <message>
        <source>默认只显示分配给你本人或你的岗位的项目</source>
        <translation>By default only items assigned to you or your role are shown</translation>
    </message>
    <message>
        <source>完成 = 已勾选 + 已跳过 (有原因)</source>
        <translation>Done = ticked + skipped (with a reason)</translation>
    </message>
    <message>
        <source>勾选 (空格)</source>
        <translation>Tick (Space)</translation>
    </message>
    <message>
        <source>勾选当前项目; 已勾选的再按一次撤销</source>
        <translation>Tick the current item; press again to untick</translation>
    </message>
    <message>
        <source>跳过…(&amp;S)</source>
        <translation>&amp;Skip…</translation>
    </message>
    <message>
        <source>今天不做这一项: 需要填写原因, 会写进日报</source>
        <translation>Not doing this today: needs a reason, which goes into the daily report</translation>
    </message>
    <message>
        <source>编辑项目…(&amp;M)</source>
        <translation>Edit ite&amp;ms…</translation>
    </message>
    <message>
        <source>只有主管和店主可以编辑检查项目</source>
        <translation>Only supervisors and the owner can edit check items</translation>
    </message>
    <message>
        <source>打印日报…(&amp;P)</source>
        <translation>&amp;Print daily report…</translation>
    </message>
    <message>
        <source>打印当天的检查日报: 谁做了什么、备注、跳过及原因</source>
        <translation>Print the day&apos;s check report: who did what, notes, skips and their reasons</translation>
    </message>
    <message>
        <source>导出…(&amp;X)</source>
        <translation>E&amp;xport…</translation>
    </message>
    <message>
        <source>把当天的检查日报导出为 PDF、Excel 或 CSV</source>
        <translation>Export the day&apos;s check report as PDF, Excel or CSV</translation>
    </message>
    <message>
        <source>显示所有人的</source>
        <translation>Show everyone&apos;s</translation>
    </message>
    <message>
        <source>改为显示全店当天的检查项目</source>
        <translation>Show the whole shop&apos;s checks for the day instead</translation>
    </message>
    <message>
        <source>空格 勾选/撤销 · ↑↓ 移动 · 在“数值”“备注”列直接输入 · 双击实时数据打开对应页面 · Alt+←/→ 换日期</source>
        <translation>Space ticks/unticks · ↑↓ move · type straight into “Value” and “Note” · double-click live data to open its page · Alt+←/→ change day</translation>
    </message>
    <message>
        <source>今天没有检查项</source>
        <translation>No checks today</translation>
    </message>
    <message>
        <source>这一天没有检查项</source>
        <translation>No checks on this day</translation>
    </message>
    <message>
        <source>今天没有分配给你的检查项 —</source>
        <translation>Nothing assigned to you today —</translation>
    </message>
    <message>
        <source>这一天没有分配给你的检查项 —</source>
        <translation>Nothing was assigned to you on this day —</translation>
    </message>
    <message>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>全部人员</source>
        <translation>everyone</translation>
    </message>
    <message>
        <source>{0} {1} · {2} 完成 {3}</source>
        <translation>{0} {1} · {2} done {3}</translation>
    </message>
    <message>
        <source>已勾选 {0}, 已跳过 {1}, 共 {2}</source>
        <translation>{0} ticked, {1} skipped, {2} in all</translation>
    </message>
    <message>
        <source>; 另有 {0} 项逾期</source>
        <translation>; {0} more overdue</translation>
    </message>
    <message>
        <source>即将到来的活动报名截止和开始日; 点击打开活动日历</source>
        <translation>Upcoming campaign sign-up deadlines and starts; click to open the campaign calendar</translation>
    </message>
    <message>
        <source>请先填写“{0}”, 回车后自动勾选</source>
        <translation>Fill in “{0}” first; Enter ticks it</translation>
    </message>
    <message>
        <source>这一项需要备注, 回车后自动勾选</source>
        <translation>This item needs a note; Enter ticks it</translation>
    </message>
    <message>
        <source>启动时的 {0} 项改动没有保存, 请在清单里重新勾选</source>
        <translation>{0} change(s) made while starting were not saved; please tick them again in the checklist</translation>
    </message>
    <message>
        <source>“{0}” 没有保存: {1}</source>
        <translation>“{0}” was not saved: {1}</translation>
    </message>
    <message>
        <source>启动时的 {0} 项改动已保存</source>
        <translation>{0} change(s) made while starting were saved</translation>
    </message>
    <message>
        <source>“{0}” 已由 {1} 在 {2} 勾选, 不用再勾</source>
        <translation>“{0}” was already ticked by {1} at {2}; no need to tick it again</translation>
    </message>
    <message>
        <source>“{0}” 已由 {1} 在 {2} 跳过, 你的勾选没有保存</source>
        <translation>“{0}” was skipped by {1} at {2}; your tick was not saved</translation>
    </message>
    <message>
        <source>“{0}” 刚被 {1} 在 {2} 改过, 你的撤销没有保存</source>
        <translation>“{0}” was just changed by {1} at {2}; your undo was not saved</translation>
    </message>
    <message>
        <source>“{0}” 已不在你今天的清单里, 启动时的改动没有保存</source>
        <translation>“{0}” is no longer on your list for today; the change made while starting was not saved</translation>
    </message>
    <message>
        <source>已记下, 按空格勾选时一起保存</source>
        <translation>Noted; saved when you tick with Space</translation>
    </message>
    <message>
        <source>活动任务不能在这里跳过, 请在活动日历里调整</source>
        <translation>Campaign tasks can&apos;t be skipped here; change them in the campaign calendar</translation>
    </message>
    <message>
        <source>跳过检查项目</source>
        <translation>Skip check item</translation>
    </message>
    <message>
        <source>为什么跳过“{0}”? (会写进日报)</source>
        <translation>Why skip “{0}”? (goes into the daily report)</translation>
    </message>
    <message>
        <source>每日检查_{0}</source>
        <translation>daily-check_{0}</translation>
    </message>
    <message>
        <source>导出日报</source>
        <translation>Export daily report</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>PDF (*.pdf);;Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>日报已导出到 {0}</source>
        <translation>Daily report exported to {0}</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>连接到服务器</source>
        <translation>Connect to server</translation>
    </message>
    <message>
        <source>本机数据 (这台电脑上的店铺文件)</source>
        <translation>This PC&apos;s data (the shop file on this computer)</translation>
    </message>
    <message>
        <source>服务器 (团队模式: 几台电脑共用一个 PostgreSQL 数据库)</source>
        <translation>Server (team mode: several PCs share one PostgreSQL database)</translation>
    </message>
    <message>
        <source>例如 192.168.1.10 或 shop-server</source>
        <translation>e.g. 192.168.1.10 or shop-server</translation>
    </message>
    <message>
        <source>密码保存在这台电脑的数据目录 (connection.ini), 只有当前系统用户可读。</source>
        <translation>The password is stored in this PC&apos;s data folder (connection.ini), readable only by the current system user.</translation>
    </message>
    <message>
        <source>服务器地址(&amp;H):</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>端口(&amp;P):</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>数据库(&amp;D):</source>
        <translation>&amp;Database:</translation>
    </message>
    <message>
        <source>用户名(&amp;U):</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <source>密码(&amp;W):</source>
        <translation>Pass&amp;word:</translation>
    </message>
    <message>
        <source>测试连接(&amp;T)</source>
        <translation>&amp;Test connection</translation>
    </message>
    <message>
        <source>现在使用: {0}</source>
        <translation>Now using: {0}</translation>
    </message>
    <message>
        <source>保存后, 下次启动 ShopDesk 时生效。几台电脑都连到同一个服务器后, 一台电脑上的修改几秒内就会出现在其他电脑上。本机已有的数据用命令 shopdesk migrate-to 复制到服务器。</source>
        <translation>Takes effect the next time ShopDesk starts. Once several PCs connect to the same server, a change on one shows on the others within seconds. Copy this PC&apos;s existing data to the server with the command shopdesk migrate-to.</translation>
    </message>
    <message>
        <source>
注意: 环境变量 {0} 已设置, 它优先于这里的设置。</source>
        <translation>
Note: the environment variable {0} is set and takes precedence over these settings.</translation>
    </message>
    <message>
        <source>正在连接…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>无法保存连接设置: {0}</source>
        <translation>Cannot save the connection settings: {0}</translation>
    </message>
</context>
<context>
    <name>DayFormDialog</name>
    <message>
        <source>录入每日数据</source>
        <translation>Enter daily data</translation>
    </message>
    <message>
        <source>统计日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>店铺数据 (留空 = 未知; 转化率、客单价可留空自动计算)</source>
        <translation>Shop figures (empty = unknown; conversion rate and order value can be left empty and are calculated)</translation>
    </message>
    <message>
        <source>推广渠道: 花费 / 成交金额 (元)</source>
        <translation>Promotion channels: spend / sales (yuan)</translation>
    </message>
    <message>
        <source>花费</source>
        <translation>Spend</translation>
    </message>
    <message>
        <source>成交金额</source>
        <translation>Sales</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>这一天还没有数据。</source>
        <translation>No data for this day yet.</translation>
    </message>
    <message>
        <source>已载入这一天的数据。</source>
        <translation>Loaded this day&apos;s data.</translation>
    </message>
    <message>
        <source>请改正: </source>
        <translation>Please correct: </translation>
    </message>
    <message>
        <source>已保存, 请核对</source>
        <translation>Saved; please check</translation>
    </message>
    <message>
        <source>已保存。以下数值与其他数据不一致 (已按填写保存):
</source>
        <translation>Saved. These figures disagree with the others (saved as entered):
</translation>
    </message>
</context>
<context>
    <name>DisputeDialog</name>
    <message>
        <source>提出申诉</source>
        <translation>Raise a dispute</translation>
    </message>
    <message>
        <source>写明理由, 例如: 这两次迟到已经请示过主管</source>
        <translation>Give your reason, e.g. I had cleared both late arrivals with my supervisor</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>DisputesView</name>
    <message>
        <source>接受并改分…</source>
        <translation>Accept and change…</translation>
    </message>
    <message>
        <source>驳回…</source>
        <translation>Deny…</translation>
    </message>
    <message>
        <source>客服在申诉期内对已发布的草稿提出的申诉; 处理完才能定稿。</source>
        <translation>Disputes agents raised against a published draft during the dispute period; all must be handled before finalising.</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>淘宝</source>
        <translation>Taobao</translation>
    </message>
    <message>
        <source>天猫</source>
        <translation>Tmall</translation>
    </message>
    <message>
        <source>京东</source>
        <translation>JD.com</translation>
    </message>
    <message>
        <source>拼多多</source>
        <translation>Pinduoduo</translation>
    </message>
    <message>
        <source>抖音</source>
        <translation>Douyin</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>欢迎使用 ShopDesk</source>
        <translation>Welcome to ShopDesk</translation>
    </message>
    <message>
        <source>第一次使用: 请创建店主账号。PIN 可不填; 填写则为 4–8 位数字。</source>
        <translation>First start: create the owner&apos;s account. The PIN is optional; if given, 4–8 digits.</translation>
    </message>
    <message>
        <source>例如: 小美家居旗舰店</source>
        <translation>e.g. Xiaomei Home Flagship Store</translation>
    </message>
    <message>
        <source>示例店铺: 先看看每个页面 (生成示例数据)</source>
        <translation>Demo shop: look around every page first (generates sample data)</translation>
    </message>
    <message>
        <source>空白店铺: 从导入自己的表格开始 (库存补货 → 导入…)</source>
        <translation>Empty shop: start by importing your own spreadsheets (Stock and restock → Import…)</translation>
    </message>
    <message>
        <source>店铺名称</source>
        <translation>Shop name</translation>
    </message>
    <message>
        <source>平台</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>店主姓名</source>
        <translation>Owner&apos;s name</translation>
    </message>
    <message>
        <source>PIN (可选)</source>
        <translation>PIN (optional)</translation>
    </message>
    <message>
        <source>再次输入 PIN</source>
        <translation>PIN again</translation>
    </message>
    <message>
        <source>创建并进入</source>
        <translation>Create and open</translation>
    </message>
    <message>
        <source>请填写店主姓名</source>
        <translation>Please enter the owner&apos;s name</translation>
    </message>
    <message>
        <source>PIN 必须是 4–8 位数字</source>
        <translation>The PIN must be 4–8 digits</translation>
    </message>
    <message>
        <source>两次输入的 PIN 不一致</source>
        <translation>The two PINs differ</translation>
    </message>
    <message>
        <source>正在生成示例店铺…</source>
        <translation>Creating the demo shop…</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>选择一位客服, 或显示全部</source>
        <translation>Pick an agent, or show all</translation>
    </message>
    <message>
        <source>总分</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>客服:</source>
        <translation>Agent:</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>还没有已定稿的月份。</source>
        <translation>No finalised months yet.</translation>
    </message>
    <message>
        <source>只统计已定稿的月份; 虚线为团队平均, 红线为合格线。</source>
        <translation>Only finalised months count; dashed = team average, red = pass line.</translation>
    </message>
    <message>
        <source>团队平均</source>
        <translation>Team average</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>导入表格</source>
        <translation>Import spreadsheet</translation>
    </message>
    <message>
        <source>.xlsx / .xls / .csv (UTF-8 或 GBK)</source>
        <translation>.xlsx / .xls / .csv (UTF-8 or GBK)</translation>
    </message>
    <message>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>可识别的列</source>
        <translation>Recognised columns</translation>
    </message>
    <message>
        <source>选择文件后点“预览”: 先检查每一行, 没有错误才能导入。</source>
        <translation>After choosing a file click “Preview”: every row is checked first, and only a file without errors can be imported.</translation>
    </message>
    <message>
        <source>预览(&amp;P)</source>
        <translation>&amp;Preview</translation>
    </message>
    <message>
        <source>导入(&amp;I)</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>(可选)</source>
        <translation> (optional)</translation>
    </message>
    <message>
        <source>选择要导入的文件</source>
        <translation>Choose the file to import</translation>
    </message>
    <message>
        <source>表格 (*.xlsx *.xls *.csv);;所有文件 (*)</source>
        <translation>Spreadsheets (*.xlsx *.xls *.csv);;All files (*)</translation>
    </message>
    <message>
        <source>请先选择文件</source>
        <translation>Please choose a file first</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>正在读取和检查…</source>
        <translation>Reading and checking…</translation>
    </message>
    <message>
        <source>{0}。请修改文件后重新预览。</source>
        <translation>{0}. Fix the file and preview again.</translation>
    </message>
    <message>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>值</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source> 忽略的列: {0}</source>
        <translation> Ignored columns: {0}</translation>
    </message>
    <message>
        <source>未导入, 没有改动任何数据</source>
        <translation>Not imported; no data was changed</translation>
    </message>
    <message>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>导入经营数据 — {0}</source>
        <translation>Import business data — {0}</translation>
    </message>
    <message>
        <source>正在读取…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>问题与提醒 (错误必须先在文件里改正; 提醒不影响导入):</source>
        <translation>Problems and warnings (errors must be fixed in the file first; warnings don&apos;t stop the import):</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>预览 (前 50 天):</source>
        <translation>Preview (first 50 days):</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>无法导入: {0}</source>
        <translation>Cannot import: {0}</translation>
    </message>
    <message>
        <source>识别的列: {0}</source>
        <translation>Recognised columns: {0}</translation>
    </message>
    <message>
        <source>忽略的列: {0}</source>
        <translation>Ignored columns: {0}</translation>
    </message>
    <message>
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>提醒: </source>
        <translation>Warning: </translation>
    </message>
</context>
<context>
    <name>InventoryTab</name>
    <message>
        <source>商品库存</source>
        <translation>Products and stock</translation>
    </message>
    <message>
        <source>补货需求表</source>
        <translation>Restock sheet</translation>
    </message>
    <message>
        <source>采购单 / 到货计划</source>
        <translation>Purchase orders</translation>
    </message>
    <message>
        <source>供应商</source>
        <translation>Supplier</translation>
    </message>
</context>
<context>
    <name>KpiCardEditor</name>
    <message>
        <source>等级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>档位</source>
        <translation>Bands</translation>
    </message>
    <message>
        <source>出勤</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>直接打分</source>
        <translation>Direct score</translation>
    </message>
    <message>
        <source>按次数</source>
        <translation>Per occurrence</translation>
    </message>
    <message>
        <source>每次自定分值</source>
        <translation>Amount each time</translation>
    </message>
    <message>
        <source>每月一次</source>
        <translation>Once a month</translation>
    </message>
    <message>
        <source>扣分</source>
        <translation>Deductions</translation>
    </message>
    <message>
        <source>加分</source>
        <translation>Additions</translation>
    </message>
    <message>
        <source>考核项目</source>
        <translation>Scored item</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>满分</source>
        <translation>Max</translation>
    </message>
    <message>
        <source>评分规则</source>
        <translation>Scoring rule</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>等级: 优/良/中/差 各得几分; 档位: 按数值落在哪一档得分; 出勤: 满分减去每次扣分; 直接打分: 主管填 0–满分</source>
        <translation>Grade: points for each of 优/良/中/差; Bands: points by the band the value falls in; Attendance: the maximum minus a deduction per occurrence; Direct score: the supervisor enters 0–max</translation>
    </message>
    <message>
        <source>按次数: 次数 × 每次分值; 每次自定分值: 每次在范围内填写, 可多次; 每月一次: 范围内一个值</source>
        <translation>Per occurrence: count × points each; Amount each time: a value within the range each time, any number of times; Once a month: one value within the range</translation>
    </message>
    <message>
        <source>每个等级和分数, 如: 优20 良15 中10 差0</source>
        <translation>Each grade and its points, e.g. 优20 良15 中10 差0</translation>
    </message>
    <message>
        <source>每一档 界限:分数, 如 ≤5%:30 ≤8%:20 ≤11%:10 (越低越好); ≥95%:30 ≥90%:20 (越高越好); 秒: ≤15秒:30。落在所有档外得 0 分</source>
        <translation>Each band as limit:points, e.g. ≤5%:30 ≤8%:20 ≤11%:10 (lower is better); ≥95%:30 ≥90%:20 (higher is better); seconds: ≤15秒:30. Outside every band scores 0</translation>
    </message>
    <message>
        <source>每种情形每次扣几分, 如: 迟到5 请假5 旷工10 (可加新情形, 如 早退3)</source>
        <translation>Points deducted per occurrence of each case, e.g. 迟到5 请假5 旷工10 (add new cases, e.g. 早退3)</translation>
    </message>
    <message>
        <source>扣分/加分项目</source>
        <translation>Deduction/addition</translation>
    </message>
    <message>
        <source>扣或加</source>
        <translation>Deduct or add</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>分值</source>
        <translation>Points</translation>
    </message>
</context>
<context>
    <name>KpiDelegate</name>
    <message>
        <source>按 1–4 或 ↑↓ 选择等级, Tab/回车 确认</source>
        <translation>Press 1–4 or ↑↓ to pick a grade, Tab/Enter to confirm</translation>
    </message>
</context>
<context>
    <name>KpiTab</name>
    <message>
        <source>考核表: 售后与售前客服分别考核</source>
        <translation>Scorecards: after-sales and pre-sales agents are scored separately</translation>
    </message>
    <message>
        <source>发布草稿、定稿、重新打开作用于哪个组</source>
        <translation>Which team Publish, Finalise and Reopen act on</translation>
    </message>
    <message>
        <source>开始新月份…</source>
        <translation>New month…</translation>
    </message>
    <message>
        <source>导入…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>空白模板…</source>
        <translation>Blank template…</translation>
    </message>
    <message>
        <source>发布草稿</source>
        <translation>Publish draft</translation>
    </message>
    <message>
        <source>定稿</source>
        <translation>Finalise</translation>
    </message>
    <message>
        <source>重新打开…</source>
        <translation>Reopen…</translation>
    </message>
    <message>
        <source>导出工资表…</source>
        <translation>Export payroll…</translation>
    </message>
    <message>
        <source>打印工资表…</source>
        <translation>Print payroll…</translation>
    </message>
    <message>
        <source>编辑考核表…</source>
        <translation>Edit scorecard…</translation>
    </message>
    <message>
        <source>复制并修改考核项目、分值、档位、合格线、奖金池和底薪</source>
        <translation>Copy and change the scored items, points, bands, pass line, bonus pool and base pay</translation>
    </message>
    <message>
        <source>本组客服可以看到草稿, 并在申诉期内提出申诉 (店主: 所有组)</source>
        <translation>Your team&apos;s agents see the draft and may dispute within the dispute window (owner: every team)</translation>
    </message>
    <message>
        <source>锁定本组本月分数; 之后只有店主可以重新打开 (店主: 所有组)</source>
        <translation>Lock your team&apos;s scores for the month; only the owner can reopen them (owner: every team)</translation>
    </message>
    <message>
        <source>下载带表头和本组客服名单的 Excel 录入表</source>
        <translation>Download an Excel entry sheet with the headers and this team&apos;s agents</translation>
    </message>
    <message>
        <source>考核表:</source>
        <translation>Scorecard:</translation>
    </message>
    <message>
        <source>月份:</source>
        <translation>Month:</translation>
    </message>
    <message>
        <source>评分表</source>
        <translation>Score grid</translation>
    </message>
    <message>
        <source>我的绩效</source>
        <translation>My KPIs</translation>
    </message>
    <message>
        <source>个人明细</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>申诉</source>
        <translation>Dispute</translation>
    </message>
    <message>
        <source>历史趋势</source>
        <translation>Trends</translation>
    </message>
    <message>
        <source>还没有考核月份。点“开始新月份…”开始。</source>
        <translation>No KPI months yet. Click “New month…” to begin.</translation>
    </message>
    <message>
        <source>还没有发布的绩效。</source>
        <translation>No published KPIs yet.</translation>
    </message>
    <message>
        <source>{0} · 第 {1} 版 · {2}</source>
        <translation>{0} · version {1} · {2}</translation>
    </message>
    <message>
        <source> · 申诉截止 {0:%m-%d %H:%M}</source>
        <translation> · disputes close {0:%m-%d %H:%M}</translation>
    </message>
    <message>
        <source> · 重新打开: {0}</source>
        <translation> · reopened: {0}</translation>
    </message>
    <message>
        <source>{0}组 {1}</source>
        <translation>{0}&apos;s team {1}</translation>
    </message>
    <message>
        <source>{0} 人, 合格 {1}, 未填完 {2}</source>
        <translation>{0} agents, {1} passed, {2} incomplete</translation>
    </message>
    <message>
        <source> · 本月绩效奖金合计 {0:,.2f} 元</source>
        <translation> · bonuses this month {0:,.2f} yuan</translation>
    </message>
    <message>
        <source>全部组</source>
        <translation>All teams</translation>
    </message>
    <message>
        <source>{0}组</source>
        <translation>{0}&apos;s team</translation>
    </message>
    <message>
        <source>申诉 ({0})</source>
        <translation>Disputes ({0})</translation>
    </message>
    <message>
        <source>修改 {0} 的{1}</source>
        <translation>Change {1} of {0}</translation>
    </message>
    <message>
        <source>你输入的 {0} 的“{1}” = “{2}” 没有保存。</source>
        <translation>What you typed for {0}, “{1}” = “{2}”, was not saved. </translation>
    </message>
    <message>
        <source>别人刚改过这一行</source>
        <translation>Someone else just changed this row</translation>
    </message>
    <message>
        <source>重新载入后可以看到别人改了什么, 需要时再输入一次。</source>
        <translation>Reload to see what they changed, then type your value again if it is still needed.</translation>
    </message>
    <message>
        <source>重新载入</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>暂不</source>
        <translation>Not now</translation>
    </message>
    <message>
        <source>已重新载入。</source>
        <translation>Reloaded. </translation>
    </message>
    <message>
        <source>开始新月份</source>
        <translation>New month</translation>
    </message>
    <message>
        <source>考核月份 (YYYY-MM):</source>
        <translation>KPI month (YYYY-MM):</translation>
    </message>
    <message>
        <source>已发布草稿</source>
        <translation>Draft published</translation>
    </message>
    <message>
        <source>定稿后分数和工资锁定, 只有店主可以重新打开。确定定稿吗?</source>
        <translation>Finalising locks scores and pay; only the owner can reopen. Finalise now?</translation>
    </message>
    <message>
        <source>已定稿</source>
        <translation>Final</translation>
    </message>
    <message>
        <source>重新打开</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>重新打开的原因:</source>
        <translation>Why reopen:</translation>
    </message>
    <message>
        <source>申诉已提交</source>
        <translation>Dispute submitted</translation>
    </message>
    <message>
        <source>已保存考核表 (新开始的月份使用新版本)</source>
        <translation>Scorecard saved (months opened from now on use the new version)</translation>
    </message>
    <message>
        <source>保存空白模板</source>
        <translation>Save blank template</translation>
    </message>
    <message>
        <source>已保存模板 {0}</source>
        <translation>Template saved: {0}</translation>
    </message>
    <message>
        <source>客服工资表-{0}.xlsx</source>
        <translation>agent-payroll-{0}.xlsx</translation>
    </message>
    <message>
        <source>导出工资表</source>
        <translation>Export payroll</translation>
    </message>
    <message>
        <source>已导出工资表 {0}</source>
        <translation>Payroll exported: {0}</translation>
    </message>
    <message>
        <source>导入绩效表</source>
        <translation>Import KPI sheet</translation>
    </message>
    <message>
        <source>正在检查 {0}…</source>
        <translation>Checking {0}…</translation>
    </message>
    <message>
        <source>第 {0} 行 {1}: 总分 {2}, 应发 {3} ({4})</source>
        <translation>Row {0} {1}: total {2}, pay {3} ({4})</translation>
    </message>
    <message>
        <source>… 另有 {0} 行</source>
        <translation>… {0} more rows</translation>
    </message>
    <message>
        <source>导入预览</source>
        <translation>Import preview</translation>
    </message>
    <message>
        <source>{0} {1}: {2} 行检查通过, 其中 {3} 行有变化。导入吗?</source>
        <translation>{0} {1}: {2} rows passed the checks, {3} of them changed. Import?</translation>
    </message>
    <message>
        <source>已导入 {0} 行</source>
        <translation>Imported {0} rows</translation>
    </message>
</context>
<context>
    <name>KpiTables</name>
    <message>
        <source>考核项目</source>
        <translation>Scored item</translation>
    </message>
    <message>
        <source>填写</source>
        <translation>Entered</translation>
    </message>
    <message>
        <source>得分</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>满分</source>
        <translation>Max</translation>
    </message>
    <message>
        <source>客服</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>申诉理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>提出时间</source>
        <translation>Raised</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>答复</source>
        <translation>Reply</translation>
    </message>
    <message>
        <source>答复人</source>
        <translation>Replied by</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>登录 ShopDesk</source>
        <translation>Sign in to ShopDesk</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>选择用户:</source>
        <translation>Choose user:</translation>
    </message>
    <message>
        <source>请选择用户</source>
        <translation>Please choose a user</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>导入{0}表…</source>
        <translation>Import {0} sheet…</translation>
    </message>
    <message>
        <source>新建采购单…</source>
        <translation>New purchase order…</translation>
    </message>
    <message>
        <source>按补货单生成采购单…</source>
        <translation>Purchase orders from the restock sheet…</translation>
    </message>
    <message>
        <source>已重新连接到数据库, 数据已刷新</source>
        <translation>Reconnected to the database; data refreshed</translation>
    </message>
    <message>
        <source>今日检查</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>库存补货</source>
        <translation>Stock and restock</translation>
    </message>
    <message>
        <source>活动日历</source>
        <translation>Campaign calendar</translation>
    </message>
    <message>
        <source>客服绩效</source>
        <translation>Service KPIs</translation>
    </message>
    <message>
        <source>经营数据</source>
        <translation>Business data</translation>
    </message>
    <message>
        <source>正在打开…</source>
        <translation>Opening…</translation>
    </message>
    <message>
        <source>当前用户: {0} ({1})</source>
        <translation>Current user: {0} ({1})</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>撤销(&amp;U)</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>重做(&amp;R)</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>撤销表格里的上一次修改</source>
        <translation>Undo the last change in a table</translation>
    </message>
    <message>
        <source>重做撤销的修改</source>
        <translation>Redo the undone change</translation>
    </message>
    <message>
        <source>数据(&amp;D)</source>
        <translation>&amp;Data</translation>
    </message>
    <message>
        <source>备份与恢复…</source>
        <translation>Backups and restore…</translation>
    </message>
    <message>
        <source>操作日志…</source>
        <translation>Audit log…</translation>
    </message>
    <message>
        <source>检查数据</source>
        <translation>Check data</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>切换用户(&amp;U)…</source>
        <translation>Switch &amp;user…</translation>
    </message>
    <message>
        <source>用户管理…</source>
        <translation>Users…</translation>
    </message>
    <message>
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>连接到服务器…</source>
        <translation>Connect to server…</translation>
    </message>
    <message>
        <source>团队模式: 几台电脑共用一个 PostgreSQL 数据库</source>
        <translation>Team mode: several PCs share one PostgreSQL database</translation>
    </message>
    <message>
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>关于 ShopDesk</source>
        <translation>About ShopDesk</translation>
    </message>
    <message>
        <source>ShopDesk {0}
网店团队的日常后台。
数据目录: {1}</source>
        <translation>ShopDesk {0}
The daily back office for an online shop&apos;s team.
Data folder: {1}</translation>
    </message>
    <message>
        <source>已撤销: {0}</source>
        <translation>Undone: {0}</translation>
    </message>
    <message>
        <source>已重做: {0}</source>
        <translation>Redone: {0}</translation>
    </message>
    <message>
        <source>数据检查: 一切正常</source>
        <translation>Data check: all fine</translation>
    </message>
    <message>
        <source>连接设置已保存, 下次启动 ShopDesk 时生效</source>
        <translation>Connection settings saved; they take effect the next time ShopDesk starts</translation>
    </message>
    <message>
        <source>还有 {0} 项勾选正在保存, 请稍候再关闭</source>
        <translation>{0} tick(s) are still being saved; please wait a moment before closing</translation>
    </message>
</context>
<context>
    <name>MetricsCharts</name>
    <message>
        <source>{0}年</source>
        <translation>{0}</translation>
    </message>
    <message>
        <source>{0}年{1}月</source>
        <translation>{0}-{1:02d}</translation>
    </message>
    <message>
        <source>{0}月</source>
        <translation>M{0}</translation>
    </message>
    <message>
        <source>{0}月{1}日</source>
        <translation>{0}/{1}</translation>
    </message>
    <message>
        <source>元</source>
        <translation>yuan</translation>
    </message>
</context>
<context>
    <name>MetricsTab</name>
    <message>
        <source>近 7 天</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>近 30 天</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>近 90 天</source>
        <translation>Last 90 days</translation>
    </message>
    <message>
        <source>近 365 天</source>
        <translation>Last 365 days</translation>
    </message>
    <message>
        <source>自定义</source>
        <translation>Custom</translation>
    </message>
    <message>
        <source>周一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>周二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>周三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>周四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>周五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>周六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>周日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source>当日 ROI 不及格 (低于 1:3)</source>
        <translation>ROI for the day fails (below 1:3)</translation>
    </message>
    <message>
        <source>区间 ROI 不及格 (低于 1:3)</source>
        <translation>ROI for the period fails (below 1:3)</translation>
    </message>
    <message>
        <source>ROI 不及格 (低于 1:3)</source>
        <translation>ROI fails (below 1:3)</translation>
    </message>
    <message>
        <source>图表和汇总的日期范围</source>
        <translation>Date range of the charts and summaries</translation>
    </message>
    <message>
        <source>周期(&amp;P)</source>
        <translation>&amp;Period</translation>
    </message>
    <message>
        <source>导入…(&amp;I)</source>
        <translation>&amp;Import…</translation>
    </message>
    <message>
        <source>导入生意参谋等导出的日报表或推广渠道表 (.xlsx/.csv)</source>
        <translation>Import daily reports or promotion-channel sheets exported from Business Advisor (Sycm) etc. (.xlsx/.csv)</translation>
    </message>
    <message>
        <source>录入每日数据(&amp;N)</source>
        <translation>E&amp;nter daily data</translation>
    </message>
    <message>
        <source>渠道…</source>
        <translation>Channels…</translation>
    </message>
    <message>
        <source>添加或停用推广渠道</source>
        <translation>Add or retire promotion channels</translation>
    </message>
    <message>
        <source>导出图表 PNG</source>
        <translation>Export chart PNG</translation>
    </message>
    <message>
        <source>导出汇总 Excel</source>
        <translation>Export summary Excel</translation>
    </message>
    <message>
        <source>ROI = 销售额 ÷ 成本, 显示为 1:x。
店铺 ROI 的成本 = 推广花费 + 免邮费用 + 打折促销。
低于 1:3 不及格; 1:3 及格; 1:4 良好; 1:5 优秀。</source>
        <translation>ROI = sales ÷ cost, shown as 1:x.
The shop ROI&apos;s cost = promotion spend + free shipping + discounts.
Below 1:3 fails; 1:3 pass; 1:4 good; 1:5 excellent.</translation>
    </message>
    <message>
        <source>勾选要画出的指标 (空格键勾选)</source>
        <translation>Tick the figures to chart (Space ticks)</translation>
    </message>
    <message>
        <source>趋势</source>
        <translation>Trends</translation>
    </message>
    <message>
        <source>渠道</source>
        <translation>Channels</translation>
    </message>
    <message>
        <source>当日花费</source>
        <translation>Day spend</translation>
    </message>
    <message>
        <source>当日成交</source>
        <translation>Day sales</translation>
    </message>
    <message>
        <source>当日 ROI</source>
        <translation>Day ROI</translation>
    </message>
    <message>
        <source>成交金额 ÷ 花费</source>
        <translation>Sales ÷ spend</translation>
    </message>
    <message>
        <source>等级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>区间花费</source>
        <translation>Period spend</translation>
    </message>
    <message>
        <source>区间成交</source>
        <translation>Period sales</translation>
    </message>
    <message>
        <source>区间 ROI</source>
        <translation>Period ROI</translation>
    </message>
    <message>
        <source>所选周期内的成交金额合计 ÷ 花费合计</source>
        <translation>Total sales ÷ total spend over the chosen period</translation>
    </message>
    <message>
        <source>区间等级</source>
        <translation>Period grade</translation>
    </message>
    <message>
        <source>渠道 ROI</source>
        <translation>Channel ROI</translation>
    </message>
    <message>
        <source>按周(&amp;W)</source>
        <translation>&amp;Weekly</translation>
    </message>
    <message>
        <source>按月(&amp;M)</source>
        <translation>&amp;Monthly</translation>
    </message>
    <message>
        <source>周期</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>天数</source>
        <translation>Days</translation>
    </message>
    <message>
        <source>访客数</source>
        <translation>Visitors</translation>
    </message>
    <message>
        <source>每日访客数之和</source>
        <translation>Sum of daily visitors</translation>
    </message>
    <message>
        <source>支付买家数</source>
        <translation>Paying buyers</translation>
    </message>
    <message>
        <source>支付金额</source>
        <translation>Paid amount</translation>
    </message>
    <message>
        <source>支付转化率</source>
        <translation>Conversion rate</translation>
    </message>
    <message>
        <source>支付买家数合计 ÷ 访客数合计</source>
        <translation>Total paying buyers ÷ total visitors</translation>
    </message>
    <message>
        <source>客单价</source>
        <translation>Order value</translation>
    </message>
    <message>
        <source>支付金额合计 ÷ 支付买家数合计</source>
        <translation>Total paid amount ÷ total paying buyers</translation>
    </message>
    <message>
        <source>跳失率</source>
        <translation>Bounce rate</translation>
    </message>
    <message>
        <source>按访客数加权平均</source>
        <translation>Weighted by visitors</translation>
    </message>
    <message>
        <source>推广花费</source>
        <translation>Promotion spend</translation>
    </message>
    <message>
        <source>推广 ROI</source>
        <translation>Promotion ROI</translation>
    </message>
    <message>
        <source>各渠道成交金额合计 ÷ 推广花费</source>
        <translation>Total channel sales ÷ promotion spend</translation>
    </message>
    <message>
        <source>店铺成本</source>
        <translation>Shop cost</translation>
    </message>
    <message>
        <source>推广花费 + 免邮费用 + 打折促销</source>
        <translation>Promotion spend + free shipping + discounts</translation>
    </message>
    <message>
        <source>店铺 ROI</source>
        <translation>Shop ROI</translation>
    </message>
    <message>
        <source>支付金额 ÷ 店铺成本</source>
        <translation>Paid amount ÷ shop cost</translation>
    </message>
    <message>
        <source>周/月汇总</source>
        <translation>Weekly/monthly summary</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>支付金额 ÷ (推广花费 + 免邮费用 + 打折促销)</source>
        <translation>Paid amount ÷ (promotion spend + free shipping + discounts)</translation>
    </message>
    <message>
        <source>双击或按回车修改这一天的数据</source>
        <translation>Double-click or press Enter to change this day&apos;s data</translation>
    </message>
    <message>
        <source>每日数据</source>
        <translation>Daily data</translation>
    </message>
    <message>
        <source>还没有经营数据。点“导入…”导入生意参谋导出的日报表, 或点“录入每日数据”手工填写。</source>
        <translation>No business data yet. Click “Import…” for the daily report exported from Business Advisor (Sycm), or “Enter daily data” to type it in.</translation>
    </message>
    <message>
        <source>开始日期不能晚于结束日期</source>
        <translation>The start date cannot be after the end date</translation>
    </message>
    <message>
        <source>昨天 {0} 还没有数据 — &lt;a href=&quot;import&quot;&gt;导入…&lt;/a&gt; 生意参谋日报或 &lt;a href=&quot;form&quot;&gt;录入每日数据&lt;/a&gt;。下面的卡片是最近有数据的一天: {1}。</source>
        <translation>Yesterday {0} has no figures yet — &lt;a href=&quot;import&quot;&gt;import…&lt;/a&gt; the daily report or &lt;a href=&quot;form&quot;&gt;type in the day&lt;/a&gt;. The cards below show the latest day with figures: {1}.</translation>
    </message>
    <message>
        <source>经营数据</source>
        <translation>Business data</translation>
    </message>
    <message>
        <source>{0} ({1}) — 前一日没有数据, 无法对比</source>
        <translation>{0} ({1}) — no data for the day before, nothing to compare</translation>
    </message>
    <message>
        <source>{0} ({1}) 对比前一日</source>
        <translation>{0} ({1}) against the day before</translation>
    </message>
    <message>
        <source>{0} 对比 {1} (之间的日子没有数据)</source>
        <translation>{0} compared with {1} (no figures for the days between)</translation>
    </message>
    <message>
        <source>最近有数据的一天: </source>
        <translation>Latest day with figures: </translation>
    </message>
    <message>
        <source> · ⚠ {0} 项变化超过 ±{1}%: {2}</source>
        <translation> · ⚠ {0} figures changed by more than ±{1}%: {2}</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source> · 没有超过 ±{0}% 的变化</source>
        <translation> · no change beyond ±{0}%</translation>
    </message>
    <message>
        <source>店铺 ROI 当日 {0} {1} · 近 7 天 {2} {3}</source>
        <translation>Shop ROI for the day {0} {1} · last 7 days {2} {3}</translation>
    </message>
    <message>
        <source>店铺合计 (含免邮、折扣)</source>
        <translation>Shop total (incl. free shipping, discounts)</translation>
    </message>
    <message>
        <source>变化超过阈值: </source>
        <translation>Changed beyond the threshold: </translation>
    </message>
    <message>
        <source>选择要导入的文件</source>
        <translation>Choose the file to import</translation>
    </message>
    <message>
        <source>表格 (*.xlsx *.xls *.csv)</source>
        <translation>Spreadsheets (*.xlsx *.xls *.csv)</translation>
    </message>
    <message>
        <source>无法写入 {0}</source>
        <translation>Cannot write {0}</translation>
    </message>
    <message>
        <source>导出图表</source>
        <translation>Export chart</translation>
    </message>
    <message>
        <source>经营数据图表_{0}.png</source>
        <translation>business-chart_{0}.png</translation>
    </message>
    <message>
        <source>图表已导出: {0}</source>
        <translation>Chart exported: {0}</translation>
    </message>
    <message>
        <source>导出汇总</source>
        <translation>Export summary</translation>
    </message>
    <message>
        <source>经营数据汇总_{0}_{1}.xlsx</source>
        <translation>business-summary_{0}_{1}.xlsx</translation>
    </message>
    <message>
        <source>汇总已导出: {0}</source>
        <translation>Summary exported: {0}</translation>
    </message>
</context>
<context>
    <name>NewPoDialog</name>
    <message>
        <source>新建采购单</source>
        <translation>New purchase order</translation>
    </message>
    <message>
        <source>(无供应商)</source>
        <translation>(no supplier)</translation>
    </message>
    <message>
        <source>{0} (采购周期 {1} 天)</source>
        <translation>{0} (lead time {1} days)</translation>
    </message>
    <message>
        <source>留空自动编号: PO{0:%Y%m%d}-NN</source>
        <translation>Leave empty for an automatic number: PO{0:%Y%m%d}-NN</translation>
    </message>
    <message>
        <source>供应商(&amp;U)</source>
        <translation>S&amp;upplier</translation>
    </message>
    <message>
        <source>单号(&amp;M)</source>
        <translation>Order nu&amp;mber</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>SKU编码</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>商品名称</source>
        <translation>Product name</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>预计到货</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source>删除行(&amp;D)</source>
        <translation>&amp;Delete line</translation>
    </message>
    <message>
        <source>删除当前行 (Ctrl+Delete)</source>
        <translation>Delete the current line (Ctrl+Delete)</translation>
    </message>
    <message>
        <source>创建采购单</source>
        <translation>Create order</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>SKU 格可输入编码或商品名称查找; 预计到货默认 = 今天 + 采购周期。Tab 换格, Ctrl+Enter 创建。</source>
        <translation>Type a SKU code or product name in the SKU cell; expected arrival defaults to today + lead time. Tab moves between cells, Ctrl+Enter creates.</translation>
    </message>
    <message>
        <source>请填写 SKU</source>
        <translation>Enter a SKU</translation>
    </message>
    <message>
        <source>请填写数量</source>
        <translation>Enter a quantity</translation>
    </message>
    <message>
        <source>日期应为 YYYY-MM-DD</source>
        <translation>Date must be YYYY-MM-DD</translation>
    </message>
    <message>
        <source>第 {0} 行 · {1}: {2}</source>
        <translation>Line {0} · {1}: {2}</translation>
    </message>
    <message>
        <source> (另有 {0} 处)</source>
        <translation> ({0} more)</translation>
    </message>
    <message>
        <source>{0} 行 · 共 {1} 件</source>
        <translation>{0} lines · {1} units</translation>
    </message>
</context>
<context>
    <name>OfflineLabel</name>
    <message>
        <source>离线 — 正在重试</source>
        <translation>Offline — retrying</translation>
    </message>
    <message>
        <source>连不上数据库服务器。已打开的数据可以继续查看, 保存会被拒绝 (不会只存一半)。程序每隔几秒自动重试, 连上后各页自动刷新。</source>
        <translation>Cannot reach the database server. You can keep looking at what is open; saving is refused (nothing is half-saved). ShopDesk retries every few seconds and refreshes every page once connected.</translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <source>只看未到齐的采购单</source>
        <translation>Open orders only</translation>
    </message>
    <message>
        <source>新建采购单(&amp;N)…</source>
        <translation>&amp;New order…</translation>
    </message>
    <message>
        <source>标记到货(&amp;R)…</source>
        <translation>Mark &amp;received…</translation>
    </message>
    <message>
        <source>撤销到货(&amp;U)…</source>
        <translation>&amp;Undo receipt…</translation>
    </message>
    <message>
        <source>作废采购单(&amp;V)…</source>
        <translation>&amp;Void order…</translation>
    </message>
    <message>
        <source>需要“修改商品和库存”权限</source>
        <translation>Needs the “edit products and stock” permission</translation>
    </message>
    <message>
        <source>新建一张采购单 (Ctrl+N)</source>
        <translation>Create a purchase order (Ctrl+N)</translation>
    </message>
    <message>
        <source>在下方明细里选中行: 只收这些行; 不选: 整单到货。计入库存并记录收货人 (Ctrl+R)</source>
        <translation>Select lines below to receive only those; none selected receives the whole order. Adds to stock and records who received (Ctrl+R)</translation>
    </message>
    <message>
        <source>收错了: 选中的已到货行 (不选: 整单) 回到未到货, 库存减回 (Ctrl+Shift+R)</source>
        <translation>Received by mistake: the selected received lines (none selected: the whole order) go back to not received and leave the stock (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <source>新建采购单…</source>
        <translation>New purchase order…</translation>
    </message>
    <message>
        <source>标记到货…</source>
        <translation>Mark received…</translation>
    </message>
    <message>
        <source>撤销到货…</source>
        <translation>Undo receipt…</translation>
    </message>
    <message>
        <source>作废采购单…</source>
        <translation>Void order…</translation>
    </message>
    <message>
        <source>{0} 张采购单 · 未到货 {1} 件</source>
        <translation>{0} orders · {1} units not arrived</translation>
    </message>
    <message>
        <source>没有采购单</source>
        <translation>No purchase orders</translation>
    </message>
    <message>
        <source>{0} 的明细 · {1} 行 · 共 {2} 件 · 已到货 {3} 行</source>
        <translation>Lines of {0} · {1} lines · {2} units · {3} received</translation>
    </message>
    <message>
        <source>已有到货的行, 不能作废; 请先撤销到货</source>
        <translation>Some lines have arrived, so the order cannot be voided; undo the receipt first</translation>
    </message>
    <message>
        <source>删除还没有任何到货的采购单; 操作日志留有全部内容 (Delete)</source>
        <translation>Delete an order of which nothing has arrived; the audit log keeps all of it (Delete)</translation>
    </message>
    <message>
        <source>已新建采购单 {0}: {1} 行, 共 {2} 件</source>
        <translation>Created purchase order {0}: {1} lines, {2} units</translation>
    </message>
    <message>
        <source>选中的行都已到货</source>
        <translation>The selected lines have all been received</translation>
    </message>
    <message>
        <source>采购单 {0} 整单到货</source>
        <translation>Purchase order {0} received in full</translation>
    </message>
    <message>
        <source>采购单 {0} 的 {1} 行到货</source>
        <translation>{1} lines of purchase order {0} received</translation>
    </message>
    <message>
        <source>{0}: 共 {1} 件计入库存。

{2}

收货记入操作日志和库存流水; 收错了可“撤销到货”。</source>
        <translation>{0}: {1} units added to stock.

{2}

Receiving is recorded in the audit log and stock movements; a mistake can be undone with “Undo receipt”.</translation>
    </message>
    <message>
        <source>撤销采购单 {0} 的 {1} 行到货: 共 {2} 件从库存减回, 这些行回到未到货。

{3}</source>
        <translation>Undo the receipt of {1} lines of purchase order {0}: {2} units leave the stock and the lines are open again.

{3}</translation>
    </message>
    <message>
        <source>撤销到货</source>
        <translation>Undo receipt</translation>
    </message>
    <message>
        <source>撤销到货(&amp;Y)</source>
        <translation>&amp;Undo receipt</translation>
    </message>
    <message>
        <source>已撤销到货: {0} · {1} 行, 共 {2} 件从库存减回</source>
        <translation>Receipt undone: {0} · {1} lines, {2} units taken out of stock</translation>
    </message>
    <message>
        <source>{0} 已有到货的行, 不能作废; 请先撤销到货</source>
        <translation>{0} has received lines and cannot be voided; undo the receipt first</translation>
    </message>
    <message>
        <source>无供应商</source>
        <translation>no supplier</translation>
    </message>
    <message>
        <source>作废采购单 {0} ({1}, {2} 行, 共 {3} 件)?</source>
        <translation>Void purchase order {0} ({1}, {2} lines, {3} units)?</translation>
    </message>
    <message>
        <source>单会被删除, 操作日志留有全部内容; 补货单上的行可再次下单。</source>
        <translation>The order is deleted and the audit log keeps all of it; its restock sheet lines can be ordered again.</translation>
    </message>
    <message>
        <source>作废采购单</source>
        <translation>Void purchase order</translation>
    </message>
    <message>
        <source>作废(&amp;Y)</source>
        <translation>&amp;Void</translation>
    </message>
    <message>
        <source>已作废采购单 {0}</source>
        <translation>Purchase order {0} voided</translation>
    </message>
    <message>
        <source>标记到货</source>
        <translation>Mark received</translation>
    </message>
    <message>
        <source>确认到货(&amp;Y)</source>
        <translation>&amp;Yes, received</translation>
    </message>
    <message>
        <source>已收货: {0} · {1} 行, 共 {2} 件计入库存</source>
        <translation>Received: {0} · {1} lines, {2} units added to stock</translation>
    </message>
</context>
<context>
    <name>ProductsPage</name>
    <message>
        <source>搜索 SKU、名称、供应商、类目… (Ctrl+F)</source>
        <translation>Search SKU, name, supplier, category… (Ctrl+F)</translation>
    </message>
    <message>
        <source>只看低于预警量 ⚠</source>
        <translation>Below warning level only ⚠</translation>
    </message>
    <message>
        <source>只看主推款</source>
        <translation>Hero products only</translation>
    </message>
    <message>
        <source>导入…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>导入{0}表…</source>
        <translation>Import {0} sheet…</translation>
    </message>
    <message>
        <source>⚠ 粉色行: 库存低于预警量; 红字: 可售天数少于采购周期。双击单元格可修改。</source>
        <translation>⚠ Pink rows: stock below the warning level; red text: days of cover shorter than the lead time. Double-click a cell to change it.</translation>
    </message>
    <message>
        <source>⚠ 粉色行: 库存低于预警量; 红字: 可售天数少于采购周期。</source>
        <translation>⚠ Pink rows: stock below the warning level; red text: days of cover shorter than the lead time.</translation>
    </message>
    <message>
        <source>正在加载…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>{0} / {1} 个 SKU · {2} 个低于预警</source>
        <translation>{0} / {1} SKUs · {2} below warning level</translation>
    </message>
    <message>
        <source>已保存 {0}</source>
        <translation>Saved {0}</translation>
    </message>
    <message>
        <source>修改 {0} 的{1}</source>
        <translation>Change {1} of {0}</translation>
    </message>
</context>
<context>
    <name>SafetyFlags</name>
    <message>
        <source>上次查看以来有 {0} 次批量修改 (价格或库存), 请核对:</source>
        <translation>{0} bulk changes (prices or stock) since you last looked; please check:</translation>
    </message>
    <message>
        <source>这次会修改 {0} 条{1}记录 (超过 {2} 条), 确定吗?</source>
        <translation>This changes {0} {1} records (more than {2}). Are you sure?</translation>
    </message>
    <message>
        <source>批量修改会在操作日志中标记, 店主下次登录时会看到 (阈值: 文件 → 设置…)</source>
        <translation>Bulk changes are flagged in the audit log and shown to the owner at the next sign-in (threshold: File → Settings…)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>热销</source>
        <translation>Hot</translation>
    </message>
    <message>
        <source>常销</source>
        <translation>Regular</translation>
    </message>
    <message>
        <source>滞销</source>
        <translation>Slow</translation>
    </message>
    <message>
        <source>周一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>周二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>周三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>周四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>周五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>周六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>周日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source>跟随系统</source>
        <translation>Follow the system</translation>
    </message>
    <message>
        <source>店铺</source>
        <translation>Shop</translation>
    </message>
    <message>
        <source>店铺名称</source>
        <translation>Shop name</translation>
    </message>
    <message>
        <source>平台</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <source>auto = 跟随系统, zh_CN = 简体中文, en = English; 重新启动后生效</source>
        <translation>auto = follow the system, zh_CN = Simplified Chinese, en = English; takes effect after a restart</translation>
    </message>
    <message>
        <source>安全</source>
        <translation>Safety</translation>
    </message>
    <message>
        <source>批量修改预警条数</source>
        <translation>Bulk-change warning (rows)</translation>
    </message>
    <message>
        <source>所有用户必须设置 PIN</source>
        <translation>Every user must have a PIN</translation>
    </message>
    <message>
        <source>补货</source>
        <translation>Restock</translation>
    </message>
    <message>
        <source>补货表日 (0=周一)</source>
        <translation>Restock sheet day (0 = Monday)</translation>
    </message>
    <message>
        <source>销量统计天数</source>
        <translation>Sales window (days)</translation>
    </message>
    <message>
        <source>补货周期 R (天)</source>
        <translation>Review period R (days)</translation>
    </message>
    <message>
        <source>安全天数</source>
        <translation>Safety days</translation>
    </message>
    <message>
        <source>默认库存预警量</source>
        <translation>Default stock warning levels</translation>
    </message>
    <message>
        <source>基线销量剔除活动日</source>
        <translation>Leave campaign days out of baseline sales</translation>
    </message>
    <message>
        <source>绩效</source>
        <translation>KPIs</translation>
    </message>
    <message>
        <source>绩效申诉期 (天)</source>
        <translation>KPI dispute period (days)</translation>
    </message>
    <message>
        <source>数据</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>日环比预警阈值</source>
        <translation>Day-on-day warning threshold</translation>
    </message>
    <message>
        <source>活动</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <source>活动提醒提前天数</source>
        <translation>Campaign reminder (days ahead)</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>奖金池和各级底薪属于考核表: 客服绩效 → 编辑考核表…</source>
        <translation>The bonus pool and base pay per level belong to the scorecard: Service KPIs → Edit scorecard…</translation>
    </message>
    <message>
        <source>已保存 {0} 项设置</source>
        <translation>{0} settings saved</translation>
    </message>
    <message>
        <source>界面语言已保存, 重新启动 ShopDesk 后生效</source>
        <translation>Interface language saved; it takes effect after restarting ShopDesk</translation>
    </message>
</context>
<context>
    <name>SheetPage</name>
    <message>
        <source>表日: 默认为本周的补货日 (设置里可改)</source>
        <translation>Sheet day: this week&apos;s restock day by default (change it in Settings)</translation>
    </message>
    <message>
        <source>已保存的补货单 (保存后不随数据变化)</source>
        <translation>Saved restock sheets (they no longer change with the data)</translation>
    </message>
    <message>
        <source>保存本周补货单(&amp;S)</source>
        <translation>&amp;Save this week&apos;s sheet</translation>
    </message>
    <message>
        <source>打印预览(&amp;P)…</source>
        <translation>Print &amp;preview…</translation>
    </message>
    <message>
        <source>导出 Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <source>导出 PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <source>生成采购单(&amp;O)…</source>
        <translation>Make purchase &amp;orders…</translation>
    </message>
    <message>
        <source>按已保存的补货单, 每个供应商生成一张采购单 (Ctrl+G)</source>
        <translation>One purchase order per supplier from the saved sheet (Ctrl+G)</translation>
    </message>
    <message>
        <source>需要“保存补货单”和“修改商品和库存”权限</source>
        <translation>Needs the “save restock sheet” and “edit products and stock” permissions</translation>
    </message>
    <message>
        <source>生成采购单…</source>
        <translation>Make purchase orders…</translation>
    </message>
    <message>
        <source>表日</source>
        <translation>Sheet day</translation>
    </message>
    <message>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>正在计算 {0} 的补货单…</source>
        <translation>Computing the restock sheet for {0}…</translation>
    </message>
    <message>
        <source>({0} 份)</source>
        <translation>({0} saved)</translation>
    </message>
    <message>
        <source>{0} · {1} 行 · {2} 件</source>
        <translation>{0} · {1} rows · {2} items</translation>
    </message>
    <message>
        <source>已保存: {0:%Y-%m-%d %H:%M} {1} · 数字不随之后的数据变化</source>
        <translation>Saved: {0:%Y-%m-%d %H:%M} {1} · figures no longer follow later data</translation>
    </message>
    <message>
        <source>未保存: 按当前数据计算</source>
        <translation>Not saved: computed from current data</translation>
    </message>
    <message>
        <source> · 已修改 {0} 行 (保存后生效)</source>
        <translation> · {0} rows changed (take effect when saved)</translation>
    </message>
    <message>
        <source>{0} 个 SKU · 补货合计 {1} 件 · {2}</source>
        <translation>{0} SKUs · {1} items to order · {2}</translation>
    </message>
    <message>
        <source> · 已生成 {0} 张采购单 ({1})</source>
        <translation> · {0} purchase orders made ({1})</translation>
    </message>
    <message>
        <source>已保存 {0} 的补货单</source>
        <translation>Restock sheet for {0} saved</translation>
    </message>
    <message>
        <source>{0} 的补货单还没有保存: 先点“保存本周补货单”, 再生成采购单。</source>
        <translation>The sheet of {0} is not saved yet: click “Save this week&apos;s sheet” first, then make the purchase orders.</translation>
    </message>
    <message>
        <source>补货单上没有要下单的行: 补货数量都为 0, 或已经生成过采购单。</source>
        <translation>Nothing on the sheet to order: every quantity is 0, or the purchase orders were already made.</translation>
    </message>
    <message>
        <source>(无供应商)</source>
        <translation>(no supplier)</translation>
    </message>
    <message>
        <source>生成采购单</source>
        <translation>Make purchase orders</translation>
    </message>
    <message>
        <source>生成(&amp;Y)</source>
        <translation>&amp;Make</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>已生成 {0} 张采购单: {1}</source>
        <translation>Made {0} purchase orders: {1}</translation>
    </message>
    <message>
        <source>导出补货单</source>
        <translation>Export restock sheet</translation>
    </message>
    <message>
        <source>无法写入 {0}: {1}</source>
        <translation>Cannot write {0}: {1}</translation>
    </message>
    <message>
        <source>已导出到 {0}</source>
        <translation>Exported to {0}</translation>
    </message>
    <message>
        <source>{0} 行</source>
        <translation>{0} lines</translation>
    </message>
    <message>
        <source>{0} 件</source>
        <translation>{0} units</translation>
    </message>
    <message>
        <source>供应商</source>
        <translation>Supplier</translation>
    </message>
    <message>
        <source>行数</source>
        <translation>Lines</translation>
    </message>
    <message>
        <source>件数</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>预计到货</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source>按 {0} 的补货单生成 {1} 张采购单 (每个供应商一张):</source>
        <translation>Make {1} purchase orders from the sheet of {0} (one per supplier):</translation>
    </message>
    <message>
        <source>合计 {0} 行, {1} 件。</source>
        <translation>In all {0} lines, {1} units.</translation>
    </message>
</context>
<context>
    <name>SuppliersPage</name>
    <message>
        <source>新供应商名称</source>
        <translation>New supplier name</translation>
    </message>
    <message>
        <source>添加供应商</source>
        <translation>Add supplier</translation>
    </message>
    <message>
        <source>双击单元格修改; 采购周期改动会影响补货表的覆盖天数。</source>
        <translation>Double-click a cell to change it; a changed lead time changes the restock sheet&apos;s cover days.</translation>
    </message>
    <message>
        <source>采购周期: {0}</source>
        <translation>Lead time: {0}</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>用户管理</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>添加用户…</source>
        <translation>Add user…</translation>
    </message>
    <message>
        <source>重设 PIN…</source>
        <translation>Reset PIN…</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <source>重设 PIN</source>
        <translation>Reset PIN</translation>
    </message>
    <message>
        <source>{0} 的新 PIN (留空则不设 PIN):</source>
        <translation>New PIN for {0} (empty = no PIN):</translation>
    </message>
    <message>
        <source>PIN 必须是 4–8 位数字</source>
        <translation>The PIN must be 4–8 digits</translation>
    </message>
    <message>
        <source>停用用户</source>
        <translation>Deactivate user</translation>
    </message>
    <message>
        <source>停用 {0}? 停用后不能登录, 历史记录保留。</source>
        <translation>Deactivate {0}? They can no longer sign in; their history is kept.</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>岗位</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>客服级别</source>
        <translation>Service level</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>有</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>无</source>
        <translation>No</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>已停用</source>
        <translation>Retired</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>ShopDesk 已经打开了这个店铺 ({0}), 已切换到那个窗口。</source>
        <translation>ShopDesk already has this shop open ({0}); switched to that window.</translation>
    </message>
    <message>
        <source>ShopDesk 已经在这台电脑上打开了这个店铺 ({0})。请切换到已打开的窗口。</source>
        <translation>ShopDesk already has this shop open on this PC ({0}). Please switch to the open window.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>出现了意外错误, 刚才的操作没有完成。数据未受影响。</source>
        <translation>Something unexpected went wrong; the last action did not complete. Your data is unaffected.</translation>
    </message>
</context>
<context>
    <name>inventory</name>
    <message>
        <source>已取消, 未保存任何数据</source>
        <translation>Cancelled; nothing was saved</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <source>{0}   打印于 {1}</source>
        <translation>{0}   printed {1}</translation>
    </message>
    <message>
        <source>{0} · 第 {1} / {2} 页</source>
        <translation>{0} · page {1} / {2}</translation>
    </message>
    <message>
        <source>打印预览 — {0}</source>
        <translation>Print preview — {0}</translation>
    </message>
</context>
</TS>
