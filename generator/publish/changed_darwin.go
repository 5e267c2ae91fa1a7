package publish

import "syscall"

func ctim(s *syscall.Stat_t) syscall.Timespec { return s.Ctimespec }
