package main

import (
	"errors"
	"fmt"

	"github.com/jianghan-district/jianghan/generator/starter"
	"github.com/jianghan-district/jianghan/internal/msg"
)

func cmdInit(c *cli, args []string) int {
	c.cmd.args = "[" + msg.T(msg.ArgDir) + "]"
	f := c.flags()
	pos, code, ok := f.parse(args)
	if !ok {
		return code
	}
	dir := "."
	switch len(pos) {
	case 0:
	case 1:
		dir = pos[0]
	default:
		return c.usageError(msg.ExtraArg, pos[1])
	}
	if err := starter.Write(dir); err != nil {
		if errors.Is(err, starter.ErrNotEmpty) || errors.Is(err, starter.ErrNotDir) {
			c.failErr(err)
			return exitUsage
		}
		c.fail(msg.InitFailed, err)
		return exitContent
	}
	fmt.Fprintln(c.stdout, msg.T(msg.InitDone, absPath(dir)))
	fmt.Fprintln(c.stdout, msg.T(msg.InitNext, dir))
	return exitOK
}
