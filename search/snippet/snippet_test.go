package snippet

import (
	"strings"
	"testing"
)

func TestMake(t *testing.T) {
	long := strings.Repeat("社区开展活动。", 20)
	tests := []struct {
		name, summary, text string
		parts               [][]string
		want                string
	}{
		{"the summary when it holds the match", "老楼加装电梯。", "电梯坏了。", [][]string{{"加装", "装电", "电梯"}},
			"老楼<mark>加装电梯</mark>。"},
		{"the text when it holds more parts", "老楼电梯。", "电梯坏了，议事会开了三次。", [][]string{{"电梯"}, {"议事"}},
			"<mark>电梯</mark>坏了，<mark>议事</mark>会开了三次。"},
		// thirty characters before the window's first match, a hundred in all
		{"the window with the most parts", "", long + "电梯" + long + "电梯和议事" + long, [][]string{{"电梯"}, {"议事"}},
			"…动。社区开展活动。社区开展活动。社区开展活动。社区开展活动。<mark>电梯</mark>和<mark>议事</mark>社区开展活动。社区开展活动。社区开展活动。社区开展活动。社区开展活动。社区开展活动。社区开展活动。社区开展活动。社区开展活动。社区…"},
		{"no match: the start of the summary", "一段摘要。", "正文。", [][]string{{"火箭"}}, "一段摘要。"},
		{"escaped, white space folded", "<b>电梯</b>\n\n  & 议事", "", [][]string{{"电梯"}},
			"&lt;b&gt;<mark>电梯</mark>&lt;/b&gt; &amp; 议事"},
		{"full width folds", "ＡＢＣ１２３ 工作法", "", [][]string{{"abc123"}}, "<mark>ＡＢＣ１２３</mark> 工作法"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Make(tt.summary, tt.text, tt.parts); got != tt.want {
				t.Errorf("Make:\n got %s\nwant %s", got, tt.want)
			}
		})
	}
}
