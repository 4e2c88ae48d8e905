# -*- coding: xyz -*-
X = 1
