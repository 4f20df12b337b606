// SPDX-License-Identifier: Apache-2.0
// peakpath: the umbrella header.
#pragma once

#include "peakpath/core/check.hpp"
#include "peakpath/core/error.hpp"
#include "peakpath/core/suggest.hpp"
#include "peakpath/core/time_path.hpp"
#include "peakpath/data/csv_table.hpp"
#include "peakpath/data/data_dir.hpp"
#include "peakpath/data/dataset.hpp"
#include "peakpath/energy/fuel_catalogue.hpp"
#include "peakpath/energy/units.hpp"
#include "peakpath/model/batch.hpp"
#include "peakpath/model/results.hpp"
#include "peakpath/model/run.hpp"
#include "peakpath/scenario/lever_address.hpp"
#include "peakpath/scenario/lever_catalogue.hpp"
#include "peakpath/scenario/lever_overlay.hpp"
#include "peakpath/scenario/scenario.hpp"
