using System.Globalization;

namespace OrderAnalytics.Simulation.Internal;

internal sealed record DiscountSpec(string Title, string Type, decimal Rate, decimal Amount);

/// <summary>The mutable content of an order before its money is computed (one per order, edited for later versions).</summary>
internal sealed class OrderDraft
{
    public required RestaurantInfo Restaurant { get; init; }
    public required long OrderId { get; init; }
    public required DateTime CreatedIst { get; init; }
    public required DateOnly BusinessDate { get; init; }
    public required Channel Channel { get; init; }
    public required OrderKind Kind { get; init; }
    public required bool Pull { get; init; }
    public List<ItemLine> Lines { get; set; } = [];
    public DiscountSpec? Discount { get; set; }
    public decimal TaxRate { get; set; } = 2.5m;
    public required CustomerBlock Customer { get; init; }
    public string PaymentType { get; set; } = "Online";
    public string CustomPaymentType { get; set; } = "";
    public double PartFraction { get; set; }
    public (string A, string B) PartTypes { get; set; } = ("Cash", "Card");
    public decimal ParcelDeliveryCharge { get; set; }
    public bool PosPackaging { get; set; }
    public string Biller { get; set; } = "";
    public string OrderFromId { get; set; } = "";
    public string TableNo { get; set; } = "";
    public string TokenNo { get; set; } = "";
    public string Assignee { get; set; } = "";
    public int NoOfPersons { get; set; }
    public string Comment { get; set; } = "";
    public bool AddonPriceAsString { get; set; }
    public bool AddonQuantityAsString { get; set; }
    public bool AltAddonKeys { get; set; }
    public bool IsTest { get; init; }
}

/// <summary>Draws an order's content and computes its money so that the identity holds exactly.</summary>
internal static class OrderFactory
{
    private static readonly string[] Comments =
    [
        "Less sweet please", "Extra cups please", "Birthday - please add a candle", "Pack the tubs separately",
        "Send cutlery", "Don't ring the bell, baby sleeping", "Call on arrival", "Please add extra dry ice",
    ];

    private static readonly string[] Notes = ["less sweet", "no nuts", "pack separately", "extra fudge sauce", "serve after mains"];

    private static readonly string[] LoyaltyCampaigns =
    [
        "D&N Scoop Club Reward", "Birthday Treat", "Nona's Loyalty - Flat 100", "Weekend Sundae Saver", "Refer A Friend",
    ];

    private static readonly double[] LineCountCumulative = Demand.Cumulative([64, 25, 8, 2, 1]);

    public static readonly CustomerBlock EmptyCustomer = new("", "", "", "", null, "", null);

    public static OrderDraft NewDraft(GenContext ctx, in OrderPlan plan, RestaurantInfo restaurant, long orderId, DateTime createdIst,
        DateOnly businessDate, (RawItemName[] Names, double[] Cumulative) items, Rng rng)
    {
        var customer = DrawCustomer(ctx, plan, rng);
        var d = new OrderDraft
        {
            Restaurant = restaurant,
            OrderId = orderId,
            CreatedIst = createdIst,
            BusinessDate = businessDate,
            Channel = plan.Channel,
            Kind = plan.Kind,
            Pull = plan.Pull,
            Customer = customer,
        };

        // Lines.
        var special = false;
        if (plan.Lifecycle == Lifecycle.Complimentary && rng.Chance(0.6) && ctx.Raw("Employee Dessert ( Any 1 )") is { } employee)
        {
            d.Lines.Add(NewLine(employee, 1, d.Channel, rng, d.Kind, ctx));
            special = true;
        }
        else if (plan.Channel == Channel.Pos && plan.Kind == OrderKind.DineIn && rng.Chance(0.003))
        {
            var visit = rng.Next(3) switch
            {
                0 => ctx.Raw("Ice Cream Factory Visit & Trials(family)"),
                1 => ctx.Raw("Ice Cream Factory Visit & Trials (single)"),
                _ => ctx.Raw("School Kids Factor Visit"),
            };
            if (visit is not null)
            {
                var qty = visit.Item.Name.StartsWith("School", StringComparison.Ordinal) ? rng.Range(8, 30) : rng.Range(1, 3);
                d.Lines.Add(NewLine(visit, qty, d.Channel, rng, d.Kind, ctx));
                special = true;
            }
        }
        if (!special)
        {
            var lines = rng.PickCumulative(LineCountCumulative) + 1;
            if ((plan.Kind is OrderKind.DeliveryParcel || plan.Channel == Channel.Website) && rng.Chance(0.25)) lines++;
            for (var i = 0; i < lines; i++) AddRandomLine(d, items, rng, ctx);
        }

        // Non-product lines and charges of POS parcel deliveries (phone orders sent with Pidge / Porter).
        if (plan.Kind == OrderKind.DeliveryParcel)
        {
            var u = rng.NextDouble();
            if (u < 0.12 && ctx.Raw(rng.Chance(0.5) ? "400 Pidge/porter Delivery Charges" : "500 Pidge/porter Delivery Charges") is { } porter)
                d.Lines.Add(NewLine(porter, 1, d.Channel, rng, d.Kind, ctx));
            else if (u < 0.80)
                d.ParcelDeliveryCharge = rng.Pick(ParcelCharges);
            var family = d.Lines.Any(l => l.Item?.Variant.StartsWith("FAMILY", StringComparison.Ordinal) == true);
            if (family && rng.Chance(0.35))
            {
                var pack = rng.Next(3) switch
                {
                    0 => ctx.Raw("Special Packaging Dryice Charges"),
                    1 => ctx.Raw("Large Box Thermocol And Dry Ice Packaging"),
                    _ => ctx.Raw("Special Packaging Thermocol Charges"),
                };
                if (pack is not null) d.Lines.Add(NewLine(pack, 1, d.Channel, rng, d.Kind, ctx));
            }
        }

        // Discount.
        d.Discount = DrawDiscount(d, plan, rng);

        // 18 % GST (9 + 9) on a few retail take-home tubs billed on the POS.
        if (plan.Channel == Channel.Pos && plan.Kind is OrderKind.Takeaway or OrderKind.DeliveryParcel && rng.Chance(0.05))
            d.TaxRate = 9m;
        d.PosPackaging = plan.Channel == Channel.Pos && plan.Kind == OrderKind.Takeaway && rng.Chance(0.3);

        // Payment.
        if (plan.Lifecycle == Lifecycle.Complimentary)
        {
            d.PaymentType = "Other";
        }
        else if (plan.Channel is Channel.Zomato or Channel.Swiggy)
        {
            d.PaymentType = rng.Chance(0.97) ? "Online" : "Cash";
        }
        else if (plan.Channel == Channel.Website)
        {
            d.PaymentType = "Online";
        }
        else
        {
            var u = rng.NextDouble();
            d.PaymentType = u < 0.38 ? "Card" : u < 0.74 ? "Online" : u < 0.90 ? "Cash" : u < 0.94 ? "Other" : "Part Payment";
        }
        d.CustomPaymentType = d.PaymentType == "Online" && plan.Channel == Channel.Pos ? (rng.Chance(0.7) ? "UPI" : "Paytm") : "";
        d.PartFraction = rng.Range(0.3, 0.7);
        d.PartTypes = rng.Next(3) switch { 0 => ("Cash", "Card"), 1 => ("Card", "Online"), _ => ("Cash", "Online") };

        // Extras.
        d.Biller = plan.Channel switch
        {
            Channel.Zomato => "Zomato",
            Channel.Swiggy => "Swiggy",
            Channel.Website => "Website",
            _ => rng.Chance(0.4) ? "POS" : rng.Pick(People.StaffNames),
        };
        d.OrderFromId = plan.Channel switch
        {
            Channel.Zomato => GenContext.Digits(rng, 10, rng.Chance(0.5) ? '6' : '7'),
            Channel.Swiggy => GenContext.Digits(rng, 12, '1'),
            Channel.Website => "DNW" + GenContext.Digits(rng, 6, '2'),
            _ => "",
        };
        if (plan.Kind == OrderKind.DineIn)
        {
            var table = rng.Range(1, 14).ToString(CultureInfo.InvariantCulture);
            d.TableNo = rng.Chance(0.3) ? "T" + table : table;
            d.NoOfPersons = rng.Next(10) switch { 0 => 1, < 6 => 2, < 8 => 3, 8 => 4, _ => rng.Range(5, 8) };
            // Bigger tables order more.
            for (var extra = d.NoOfPersons / 2 - 1; extra > 0 && !special; extra--)
            {
                if (rng.Chance(0.6)) AddRandomLine(d, items, rng, ctx);
            }
        }
        if (plan.Channel == Channel.Pos && plan.Kind is OrderKind.Takeaway or OrderKind.PickUp)
            d.TokenNo = rng.Range(1, 120).ToString(CultureInfo.InvariantCulture);
        if (plan.Kind == OrderKind.DeliveryParcel) d.Assignee = rng.Pick(People.RiderNames);
        if (rng.Chance(0.06)) d.Comment = rng.Pick(Comments);
        d.AddonPriceAsString = rng.Chance(0.4);
        d.AddonQuantityAsString = rng.Chance(0.7);
        d.AltAddonKeys = plan.Pull && rng.Chance(0.5);
        return d;
    }

    private static readonly decimal[] ParcelCharges = [60m, 80m, 100m, 120m, 150m];

    private static CustomerBlock DrawCustomer(GenContext ctx, in OrderPlan plan, Rng rng)
    {
        var u = rng.NextDouble();
        var index = rng.Chance(0.45) ? rng.Next(ctx.Regulars) : rng.Next(ctx.CustomerPool);
        Customer Pool() => People.CustomerAt(ctx.Seed, index);
        string Created(Customer c) =>
            ctx.Options.Start.AddDays(-(int)(Hash.Mix(ctx.Seed, 0xC2EA7EDUL, (ulong)c.Index) % 400)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        switch (plan.Channel)
        {
            case Channel.Zomato or Channel.Swiggy:
                {
                    if (u < 0.03) return EmptyCustomer;
                    var c = Pool();
                    var name = rng.Chance(0.7) ? c.FirstName + " " + c.LastName : c.FirstName;
                    return new CustomerBlock(name, "", plan.Kind == OrderKind.Delivery ? c.Address : "", "", null, Created(c), c.Locality);
                }
            case Channel.Website:
                {
                    var c = Pool();
                    return new CustomerBlock(c.FirstName + " " + c.LastName, People.FormatPhone(c.Phone, rng),
                        plan.Kind == OrderKind.Delivery ? c.Address : "", "", c.Phone, Created(c), c.Locality);
                }
            default:
                {
                    if (plan.Kind == OrderKind.DeliveryParcel)
                    {
                        var c = Pool();
                        return new CustomerBlock(c.FirstName + " " + c.LastName, People.FormatPhone(c.Phone, rng), c.Address, "",
                            c.Phone, Created(c), c.Locality);
                    }
                    if (u < 0.45) return EmptyCustomer;
                    if (u < 0.83)
                    {
                        var c = Pool();
                        var name = rng.Chance(0.1) ? "" : c.FirstName + " " + c.LastName;
                        var gstin = rng.Chance(0.015) ? FakeGstin(rng) : "";
                        return new CustomerBlock(name, People.FormatPhone(c.Phone, rng), "", gstin, c.Phone, Created(c), c.Locality);
                    }
                    var f = Pool();
                    return new CustomerBlock(f.FirstName, "", "", "", null, "", null);
                }
        }
    }

    private static string FakeGstin(Rng rng)
    {
        Span<char> c = stackalloc char[15];
        c[0] = '0';
        c[1] = '6'; // Haryana
        for (var i = 2; i < 7; i++) c[i] = (char)('A' + rng.Next(26));
        for (var i = 7; i < 11; i++) c[i] = (char)('0' + rng.Next(10));
        c[11] = (char)('A' + rng.Next(26));
        c[12] = '1';
        c[13] = 'Z';
        c[14] = (char)('0' + rng.Next(10));
        return new string(c);
    }

    private static DiscountSpec? DrawDiscount(OrderDraft d, in OrderPlan plan, Rng rng)
    {
        if (plan.Lifecycle == Lifecycle.Complimentary) return null;
        var u = rng.NextDouble();
        switch (plan.Channel)
        {
            case Channel.Pos:
                if (u < 0.12) return new DiscountSpec("Special Discount", "F", 0m, rng.Pick(PosDiscounts));
                if (u < 0.18) return new DiscountSpec(rng.Pick(LoyaltyCampaigns), "F", 0m, rng.Pick(LoyaltyDiscounts));
                if (u < 0.20) return new DiscountSpec("Staff Discount", "P", 10m, 0m);
                return null;
            case Channel.Zomato or Channel.Swiggy:
                if (u < 0.18) return new DiscountSpec("Special Discount", "F", 0m, rng.Pick(AggregatorDiscounts));
                return null;
            default:
                if (u < 0.35) return rng.Chance(0.5) ? new DiscountSpec("WELCOME10", "P", 10m, 0m) : new DiscountSpec("DNLOVE15", "P", 15m, 0m);
                return null;
        }
    }

    private static readonly decimal[] PosDiscounts = [20m, 30m, 50m, 75m, 100m, 150m];
    private static readonly decimal[] LoyaltyDiscounts = [50m, 75m, 100m, 150m, 200m];
    private static readonly decimal[] AggregatorDiscounts = [40m, 50m, 60m, 75m, 80m, 100m, 120m];

    public static void AddRandomLine(OrderDraft d, (RawItemName[] Names, double[] Cumulative) items, Rng rng, GenContext ctx)
    {
        var raw = items.Names[rng.PickCumulative(items.Cumulative)];
        foreach (var existing in d.Lines)
        {
            if (string.Equals(existing.RawName, raw.Name, StringComparison.Ordinal))
            {
                existing.Quantity++;
                return;
            }
        }
        var q = rng.Next(100) switch { < 92 => 1, < 99 => 2, _ => 3 };
        d.Lines.Add(NewLine(raw, q, d.Channel, rng, d.Kind, ctx));
    }

    private static ItemLine NewLine(RawItemName raw, int quantity, Channel channel, Rng rng, OrderKind kind, GenContext ctx)
    {
        var item = raw.Item;
        var price = channel is Channel.Zomato or Channel.Swiggy && !item.IsNonProduct ? MenuCatalog.AggregatorPrice(item.Price) : item.Price;
        var addons = new List<AddonLine>();
        var v = item.Variant;
        if (item.Name.StartsWith("Half In Half", StringComparison.Ordinal))
        {
            addons.Add(new AddonLine { Addon = ctx.SmallScoops[rng.PickCumulative(ctx.SmallScoopCumulative)] });
            addons.Add(new AddonLine { Addon = ctx.SmallScoops[rng.PickCumulative(ctx.SmallScoopCumulative)] });
            AddVessel(addons, rng, kind, ctx);
        }
        else if (v == "DUO_200ML_200ML")
        {
            var old = rng.Chance(0.15);
            for (var i = 0; i < 2; i++)
            {
                addons.Add(new AddonLine
                {
                    Addon = old ? ctx.Flavour160[rng.PickCumulative(ctx.Flavour160Cumulative)] : ctx.Flavour200[rng.PickCumulative(ctx.Flavour200Cumulative)],
                });
            }
        }
        else if (v == "FAMILY_PACK_3X200ML")
        {
            for (var i = 0; i < 3; i++) addons.Add(new AddonLine { Addon = ctx.Flavour200[rng.PickCumulative(ctx.Flavour200Cumulative)] });
        }
        else if (item.Type == "Ice Cream" && v.Contains("SCOOP", StringComparison.Ordinal))
        {
            if (rng.Chance(0.85)) AddVessel(addons, rng, kind, ctx);
        }
        else if (item.Type == "Ice Cream" && v.Contains("TUB", StringComparison.Ordinal) && rng.Chance(0.04)
                 && ctx.Vessels.TryGetValue("Butter Waffle Cone (2pcs)", out var butter))
        {
            addons.Add(new AddonLine { Addon = butter });
        }
        var note = rng.Chance(0.02) ? rng.Pick(Notes) : "";
        return new ItemLine { RawName = raw.Name, Item = item, Quantity = quantity, UnitPrice = price, Addons = addons, SpecialNotes = note };
    }

    private static void AddVessel(List<AddonLine> addons, Rng rng, OrderKind kind, GenContext ctx)
    {
        string name;
        if (kind is OrderKind.Takeaway or OrderKind.PickUp && rng.Chance(0.3)) name = "Takeaway Cup";
        else
        {
            var u = rng.NextDouble();
            name = u < 0.60 ? "Cup" : u < 0.95 ? "Waffle Cone" : "Butter Waffle Cone (2pcs)";
        }
        if (ctx.Vessels.TryGetValue(name, out var addon)) addons.Add(new AddonLine { Addon = addon });
    }

    /// <summary>A later version: an item added, a quantity changed, an item removed, or a discount given.</summary>
    public static void Edit(OrderDraft d, (RawItemName[] Names, double[] Cumulative) items, Rng rng, GenContext ctx)
    {
        d.Lines = d.Lines.Select(l => l.Clone()).ToList();
        var u = rng.NextDouble();
        if (u < 0.5)
        {
            AddRandomLine(d, items, rng, ctx);
        }
        else if (u < 0.75)
        {
            d.Lines[rng.Next(d.Lines.Count)].Quantity++;
        }
        else if (d.Lines.Count > 1)
        {
            d.Lines.RemoveAt(rng.Next(d.Lines.Count));
        }
        else
        {
            d.Discount = new DiscountSpec("Special Discount", "F", 0m, 50m);
        }
    }

    /// <summary>Computes the money of a draft into an immutable version. The identity
    /// total = core_total − discount_total + tax_total + packaging_charge + delivery_charges + service_charge + round_off
    /// holds exactly, every amount has at most 2 decimals and total is a whole rupee.</summary>
    public static OrderVersion Finalize(GenContext ctx, OrderDraft d, string status, int version)
    {
        var lines = new ItemLine[d.Lines.Count];
        var core = 0m;
        var units = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var l = d.Lines[i].Clone();
            var addonSum = 0m;
            foreach (var a in l.Addons) addonSum += a.Addon.Price * a.Quantity;
            l.Total = (l.UnitPrice + addonSum) * l.Quantity;
            core += l.Total;
            if (l.Item is null || !l.Item.IsNonProduct) units += l.Quantity;
            lines[i] = l;
        }

        var discounts = new List<MoneyRow>(1);
        var discount = 0m;
        if (d.Discount is { } spec && core > 0)
        {
            discount = spec.Type == "P" ? Round2(core * spec.Rate / 100m) : spec.Amount;
            discount = Math.Min(discount, Round2(core * 0.5m));
            discounts.Add(new MoneyRow(spec.Title, spec.Type, spec.Rate, discount, RowId(ctx, "disc:" + spec.Title)));
        }

        var taxable = core - discount;
        var half = Round2(taxable * d.TaxRate / 100m);
        var rate = d.TaxRate.ToString("0.##", CultureInfo.InvariantCulture);
        var taxes = new List<MoneyRow>(2)
        {
            new("CGST@" + rate, "P", d.TaxRate, half, RowId(ctx, "tax:CGST@" + rate)),
            new("SGST@" + rate, "P", d.TaxRate, half, RowId(ctx, "tax:SGST@" + rate)),
        };
        var taxTotal = half + half;

        var packaging = (d.Channel, d.Kind) switch
        {
            (Channel.Zomato or Channel.Swiggy, OrderKind.Delivery) => Math.Min(100m, 20m * units),
            (Channel.Zomato or Channel.Swiggy, _) => Math.Min(60m, 15m * units),
            (Channel.Website, OrderKind.Delivery) => 30m,
            (Channel.Pos, OrderKind.DeliveryParcel) => 40m,
            (Channel.Pos, OrderKind.Takeaway) when d.PosPackaging => Math.Min(50m, 10m * units),
            _ => 0m,
        };
        var delivery = (d.Channel, d.Kind) switch
        {
            (Channel.Website, OrderKind.Delivery) => core >= 999m ? 0m : 49m,
            (Channel.Pos, OrderKind.DeliveryParcel) => d.ParcelDeliveryCharge,
            _ => 0m,
        };
        var service = d.Restaurant.Index % 2 == 1 && d.Kind == OrderKind.DineIn
            ? (int)Math.Round(taxable * 0.05m, MidpointRounding.AwayFromZero)
            : 0;

        var raw = core - discount + taxTotal + packaging + delivery + service;
        var total = Math.Round(raw, 0, MidpointRounding.AwayFromZero);
        var roundOff = total - raw;

        Allocate(lines, discount, static l => l.Total, static (l, v) => l.Discount = v);
        Allocate(lines, taxable > 0 ? taxTotal : 0m, static l => l.Total - l.Discount, static (l, v) => l.Tax = v);

        var payment = d.PaymentType;
        IReadOnlyList<PartPayment> parts = [];
        if (payment == "Part Payment")
        {
            var first = Math.Floor(total * (decimal)d.PartFraction / 100m) * 100m;
            if (first <= 0 || first >= total) payment = d.PartTypes.A;
            else parts = [new PartPayment(d.PartTypes.A, first), new PartPayment(d.PartTypes.B, total - first)];
        }

        var facts = new LineFacts[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            var l = lines[i];
            var addonNames = l.Addons.Count == 0 ? Array.Empty<string>() : l.Addons.Select(a => a.Addon.Name).ToArray();
            facts[i] = new LineFacts(l.RawName, l.Item?.Name, l.Item?.Variant, l.Item?.Type, l.Quantity, l.UnitPrice, l.Total, addonNames);
        }

        var (orderType, orderFrom, sub, subId) = Labels(d);
        return new OrderVersion
        {
            Restaurant = d.Restaurant,
            OrderId = d.OrderId,
            Version = version,
            CreatedIst = d.CreatedIst,
            BusinessDate = d.BusinessDate,
            Channel = d.Channel,
            Kind = d.Kind,
            Pull = d.Pull,
            Status = status,
            OrderType = orderType,
            OrderFrom = orderFrom,
            SubOrderType = sub,
            SubOrderTypeId = subId,
            PaymentType = payment,
            CustomPaymentType = d.CustomPaymentType,
            Biller = d.Biller,
            OrderFromId = d.OrderFromId,
            TableNo = d.TableNo,
            TokenNo = d.TokenNo,
            Assignee = d.Assignee,
            NoOfPersons = d.NoOfPersons,
            Comment = d.Comment,
            Customer = d.Customer,
            Lines = lines,
            Taxes = taxes,
            Discounts = discounts,
            PartPayments = parts,
            CoreTotal = core,
            TaxTotal = taxTotal,
            DiscountTotal = discount,
            PackagingCharge = packaging,
            DeliveryCharges = delivery,
            ServiceCharge = service,
            RoundOff = roundOff,
            Total = total,
            AddonPriceAsString = d.AddonPriceAsString,
            AddonQuantityAsString = d.AddonQuantityAsString,
            AltAddonKeys = d.AltAddonKeys,
            IsTest = d.IsTest,
            CommandId = GenContext.Hex(Hash.Mix(ctx.Seed, (ulong)d.Restaurant.Index, (ulong)d.OrderId, (ulong)version), 40),
            LineFacts = facts,
        };
    }

    private static (string OrderType, string OrderFrom, string Sub, string SubId) Labels(OrderDraft d)
    {
        var orderType = d.Kind switch
        {
            OrderKind.Delivery => "Delivery",
            OrderKind.DineIn => "Dine In",
            OrderKind.PickUp => "Pick Up",
            OrderKind.Takeaway => "Takeaway",
            _ => "Delivery (Parcel)",
        };
        var orderFrom = d.Channel switch
        {
            Channel.Zomato => "Zomato",
            Channel.Swiggy => "Swiggy",
            Channel.Website => "Home Website",
            _ => "POS",
        };
        var (sub, subId) = d.Channel switch
        {
            Channel.Zomato => ("Zomato", "5"),
            Channel.Swiggy => ("Swiggy", "6"),
            Channel.Website => ("Home Website", "7"),
            _ => d.Kind switch
            {
                OrderKind.DineIn => d.TableNo.StartsWith('T') ? ("Outdoor", "2") : ("AC", "1"),
                OrderKind.Takeaway => ("Takeaway", "3"),
                _ => ("Parcel", "4"),
            },
        };
        return (orderType, orderFrom, sub, subId);
    }

    public static OrderVersion TestOrder(GenContext ctx)
    {
        var restaurant = ctx.Restaurants[0];
        var created = new DateTime(2025, 1, 1, 13, 0, 0);
        var d = new OrderDraft
        {
            Restaurant = restaurant,
            OrderId = 99999,
            CreatedIst = created,
            BusinessDate = Ist.BusinessDate(created),
            Channel = Channel.Pos,
            Kind = OrderKind.DineIn,
            Pull = false,
            Customer = EmptyCustomer,
            PaymentType = "Cash",
            Biller = "POS",
            TableNo = "1",
            NoOfPersons = 1,
            Comment = "test",
            IsTest = true,
        };
        d.Lines.Add(new ItemLine { RawName = "Test Item", Item = null, Quantity = 1, UnitPrice = 1m });
        return Finalize(ctx, d, "Success", 1);
    }

    private static void Allocate(ItemLine[] lines, decimal amount, Func<ItemLine, decimal> weight, Action<ItemLine, decimal> set)
    {
        if (lines.Length == 0) return;
        var totalWeight = 0m;
        var largest = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var w = weight(lines[i]);
            totalWeight += w;
            if (w > weight(lines[largest])) largest = i;
        }
        var assigned = 0m;
        for (var i = 0; i < lines.Length; i++)
        {
            if (i == largest) continue;
            var share = totalWeight > 0 ? Round2(amount * weight(lines[i]) / totalWeight) : 0m;
            set(lines[i], share);
            assigned += share;
        }
        set(lines[largest], amount - assigned);
    }

    private static string RowId(GenContext ctx, string key) => (100_000 + (long)(Hash.Of(key) % 900_000UL)).ToString(CultureInfo.InvariantCulture);

    public static decimal Round2(decimal v) => Math.Round(v, 2, MidpointRounding.AwayFromZero);
}
